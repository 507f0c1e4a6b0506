namespace MultiRate.Cli.Reporting;

/// <summary>A value axis from 0 to <paramref name="Max"/>, and how a reference value (a budget, a limit) is drawn on it.</summary>
/// <param name="Max">The axis' top: the data's largest value (or the reference, when that is drawn on the axis) plus headroom.</param>
/// <param name="Reference">Where the reference goes.</param>
/// <param name="Beyond">Values above the axis (rare outliers left off so the bulk of the data stays readable).</param>
/// <param name="BeyondMax">The largest of those values (0 when there are none).</param>
internal sealed record AxisFit(double Max, ReferenceMark Reference, int Beyond = 0, double BeyondMax = 0);
