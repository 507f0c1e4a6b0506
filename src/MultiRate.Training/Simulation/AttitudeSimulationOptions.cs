namespace MultiRate.Training.Simulation;

/// <summary>
/// How long and with which seed to run the simulated attitude plant (<see cref="AttitudeSimulator"/>).
/// The plant's physics are fixed (see <c>docs/guides/training.md</c>, "The simulated plant"); only
/// the length of the log and the seed of its random draws are chosen here.
/// </summary>
public sealed record AttitudeSimulationOptions
{
    /// <summary>Smallest accepted log length, seconds: one context window and one setpoint move.</summary>
    public const double MinSeconds = 2;

    /// <summary>Largest accepted log length, seconds (one hour).</summary>
    public const double MaxSeconds = 3600;

    /// <summary>Control and logging rate, Hz: one state and one command message per tick (200 Hz, 5 ms).</summary>
    public const int RateHz = 200;

    /// <summary>Log length in seconds (default 60).</summary>
    public double Seconds { get; init; } = 60;

    /// <summary>Seeds the disturbance phases, its random walk and the setpoint schedule (default 1).</summary>
    public int Seed { get; init; } = 1;

    /// <summary>Control ticks the log holds.</summary>
    public int Ticks => (int)Math.Round(Seconds * RateHz);
}
