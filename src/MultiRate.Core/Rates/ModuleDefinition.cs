namespace MultiRate.Core.Rates;

/// <summary>A module named by a rate profile.</summary>
public sealed record ModuleDefinition
{
    /// <summary>Module name (the YAML key under <c>modules</c>).</summary>
    public required string Name { get; init; }

    /// <summary>What kind of module it is.</summary>
    public required ModuleKind Kind { get; init; }
}
