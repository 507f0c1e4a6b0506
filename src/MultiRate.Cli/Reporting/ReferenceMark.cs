namespace MultiRate.Cli.Reporting;

/// <summary>How a plot shows a reference value (a budget, a limit) beside its data.</summary>
internal enum ReferenceMark
{
    /// <summary>There is no reference value.</summary>
    None,

    /// <summary>A line on the axis: the reference is near enough to the data that showing it keeps the data readable.</summary>
    Line,

    /// <summary>An annotated marker at the axis' edge (an arrow and the value): the reference lies far beyond the data.</summary>
    OffScale,
}
