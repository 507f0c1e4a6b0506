using MultiRate.Bench.Tuning;

namespace MultiRate.Bench.Profile;

/// <summary>How long <see cref="ProfileBench"/> runs the graph, in action-clock periods, and at what priority.</summary>
/// <remarks>Plain options; <see cref="Validate"/> checks them once.</remarks>
public sealed class ProfileBenchOptions
{
    /// <summary>Action-clock periods run before counting starts (default 200).</summary>
    public int WarmUp { get; set; } = 200;

    /// <summary>
    /// Action-clock periods counted (default 10,000: enough for a p99.9 of the action clock by
    /// <see cref="SampleRule"/>; 10 s at 1 kHz). Context clocks get the ticks their rates give in that time.
    /// </summary>
    public int Samples { get; set; } = 10_000;

    /// <summary>SCHED_FIFO priority for the run, as <c>run --fifo-priority</c>; null = normal scheduling.</summary>
    public int? FifoPriority { get; set; }

    /// <summary>Throws <see cref="TuningInputException"/> when a count is out of range.</summary>
    public void Validate()
    {
        Check(WarmUp, 0, "warm-up");
        Check(Samples, 1, "samples");
    }

    private static void Check(int value, int min, string what)
    {
        if (value < min || value > 10_000_000)
        {
            throw new TuningInputException($"profile bench: {what} {value}: expected a whole number from {min} to 10000000");
        }
    }
}
