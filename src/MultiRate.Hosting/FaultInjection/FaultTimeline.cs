namespace MultiRate.Hosting.FaultInjection;

/// <summary>When the planned fault is active, in run time, and how many times it was injected.</summary>
/// <remarks>Virtual time, one thread: the faulty sensor source sets <see cref="NowNs"/> at every fast tick, before the head runs.</remarks>
public sealed class FaultTimeline
{
    /// <summary>Creates the timeline of <paramref name="plan"/> on an action clock of period <paramref name="periodNs"/>.</summary>
    public FaultTimeline(FaultPlan plan, long periodNs)
    {
        ArgumentNullException.ThrowIfNull(plan);
        Plan = plan;
        StartNs = plan.StartTick * periodNs;
        EndNs = StartNs + (plan.DurationTicks * periodNs);
    }

    /// <summary>The plan.</summary>
    public FaultPlan Plan { get; }

    /// <summary>Run time the fault starts.</summary>
    public long StartNs { get; }

    /// <summary>Run time the fault clears.</summary>
    public long EndNs { get; }

    /// <summary>The run time of the current fast tick.</summary>
    public long NowNs { get; set; }

    /// <summary>Times a wrapper injected the fault.</summary>
    public long Injected { get; private set; }

    /// <summary>True when <paramref name="fault"/> is the planned one and active at <paramref name="runNs"/>.</summary>
    public bool Active(InjectedFault fault, long runNs) => Plan.Fault == fault && runNs >= StartNs && runNs < EndNs;

    /// <summary>True when <paramref name="fault"/> is the planned one and active now.</summary>
    public bool ActiveNow(InjectedFault fault) => Active(fault, NowNs);

    /// <summary>Counts one injection.</summary>
    public void Count() => Injected++;
}
