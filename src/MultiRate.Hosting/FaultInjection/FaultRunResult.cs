using MultiRate.Scheduling.Stats;

namespace MultiRate.Hosting.FaultInjection;

/// <summary>What one fault run showed.</summary>
public sealed record FaultRunResult
{
    /// <summary>The plan that ran.</summary>
    public required FaultPlan Plan { get; init; }

    /// <summary>Times the wrappers injected the fault.</summary>
    public required long Injected { get; init; }

    /// <summary>Fast (action-clock) ticks in the run.</summary>
    public required long FastTicks { get; init; }

    /// <summary>Actions emitted for the run's fast ticks (the ramp to safe after the last tick is not counted here; the summary counts it).</summary>
    public required long Actions { get; init; }

    /// <summary>Actions per fast tick (must be exactly 1).</summary>
    public double ActionsPerTick => FastTicks == 0 ? 0 : (double)Actions / FastTicks;

    /// <summary>Fast ticks that did not get exactly one action (must be 0).</summary>
    public required long TicksWithoutExactlyOneAction { get; init; }

    /// <summary>Actions by kind during the fault window: model, degraded, hold, safe.</summary>
    public required IReadOnlyDictionary<string, long> KindsDuringFault { get; init; }

    /// <summary>The ledger entry that counts this fault, by its name (e.g. <c>context_timeouts</c>; docs/vocabulary.md).</summary>
    public required string Counter { get; init; }

    /// <summary>Its count in the run's ledger at the end of the run.</summary>
    public required long CounterValue { get; init; }

    /// <summary>Fault events of that entry the observers received (equals <see cref="CounterValue"/>: counted and reported in one call).</summary>
    public long FaultsReported { get; init; }

    /// <summary>Model actions resumed after the fault cleared: every action of the run's last tenth is a model action.</summary>
    public required bool Recovered { get; init; }

    /// <summary>Exceptions that escaped the run (must be 0).</summary>
    public required int Crashes { get; init; }

    /// <summary>Fault bursts the burst logger reported (one warning each).</summary>
    public required long BurstsLogged { get; init; }

    /// <summary>The run's summary (null after a crash).</summary>
    public RunSummary? Summary { get; init; }
}
