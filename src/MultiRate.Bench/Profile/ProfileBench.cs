using MultiRate.Core.Rates;
using MultiRate.Runtime.Composition;
using MultiRate.Runtime.Running;

namespace MultiRate.Bench.Profile;

/// <summary>
/// Backend of <c>multirate bench profile</c> and of <c>multirate tune</c>'s measurement: runs the whole
/// graph of a profile in real time, every clock at its rate, and returns each clock's response times.
/// </summary>
/// <remarks>
/// Method: <see cref="GraphRun"/> on the profile with every budget raised to just under its period (so
/// neither a deadline nor a slow-path timeout cuts the work being measured short), for
/// <see cref="ProfileBenchOptions.WarmUp"/> + <see cref="ProfileBenchOptions.Samples"/> action-clock
/// periods; the first <see cref="ProfileBenchOptions.WarmUp"/> periods are not counted. Every context
/// clock is measured in the same run, so it gets the ticks its rate gives in that time (a 10 Hz clock
/// beside a 1 kHz head gets a hundredth of the head's samples). Blocks the calling thread for the run.
/// </remarks>
public static class ProfileBench
{
    /// <summary>Measures every clock of <paramref name="plan"/>'s profile in one full-graph run.</summary>
    /// <param name="plan">The validated profile and config.</param>
    /// <param name="options">Warm-up and sample counts (action-clock periods), priority.</param>
    /// <param name="factory">Builds the modules; null = the TorchSharp modules a run uses.</param>
    /// <param name="cancellation">Stops the run early.</param>
    public static GraphRunResult Measure(RunPlan plan, ProfileBenchOptions options, IModuleFactory? factory = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        ClockDefinition head = plan.Profile.ActionClock;
        var graph = new GraphRunOptions
        {
            Duration = Periods(options.Samples, head),
            WarmUp = Periods(options.WarmUp, head),
            FifoPriority = options.FifoPriority,
            Modules = factory,
        };
        return GraphRun.Run(new RunPlan(GraphRun.WithPeriodBudgets(plan.Profile), plan.Config), graph, cancellation);
    }

    /// <summary>The run time of <paramref name="count"/> periods of <paramref name="clock"/>.</summary>
    public static TimeSpan Periods(long count, ClockDefinition clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        return TimeSpan.FromTicks(checked(count * clock.PeriodNs) / 100);
    }
}
