namespace MultiRate.Remote.Tests.Runs;

/// <summary>Real-time runs pin the clocks' threads to CPUs: one at a time, never beside each other.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class RealTimeRuns
{
    public const string Name = "real-time runs";
}
