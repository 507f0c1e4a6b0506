using System.Collections.Frozen;

namespace MultiRate.Scheduling.Ledger;

/// <summary>
/// The one place that names the <see cref="LedgerEntry"/> values: a stable snake_case name each (the
/// name every output uses: summary, <c>--json</c>, dashboard, metrics, recording, report, fault matrix),
/// the summary section it belongs to, and whether it is a fault (reported to <c>IRunObserver.OnFault</c>).
/// </summary>
/// <remarks>
/// Names are an interface users script against: change none. The table is explicit (not derived from
/// the member names) so renaming a member never renames a JSON field.
/// </remarks>
public static class LedgerNames
{
    private static readonly (LedgerEntry Entry, string Name, LedgerSection Section, bool Fault)[] Table =
    [
        (LedgerEntry.Tick, "ticks", LedgerSection.Clock, false),
        (LedgerEntry.SkippedPeriod, "skipped_periods", LedgerSection.Clock, false),
        (LedgerEntry.PeriodWithoutAction, "periods_without_action", LedgerSection.Clock, false),
        (LedgerEntry.PeriodElapsed, "periods_elapsed", LedgerSection.Clock, false),
        (LedgerEntry.NoActionStartUp, "no_action_start_up", LedgerSection.Clock, false),
        (LedgerEntry.NoActionNotScheduled, "no_action_not_scheduled", LedgerSection.Clock, false),
        (LedgerEntry.NoActionStopped, "no_action_stopped", LedgerSection.Clock, false),
        (LedgerEntry.Miss, "misses", LedgerSection.Guard, true),
        (LedgerEntry.StaleTick, "stale_ticks", LedgerSection.Clock, false),
        (LedgerEntry.ModelAction, "model", LedgerSection.Action, false),
        (LedgerEntry.DegradedAction, "degraded", LedgerSection.Action, false),
        (LedgerEntry.HoldAction, "hold", LedgerSection.Action, false),
        (LedgerEntry.SafeAction, "safe", LedgerSection.Action, false),
        (LedgerEntry.FallbackDeadline, "deadline_fallbacks", LedgerSection.Fallback, false),
        (LedgerEntry.HeadFault, "head_faults", LedgerSection.Guard, true),
        (LedgerEntry.NonFiniteAction, "non_finite_actions", LedgerSection.Guard, true),
        (LedgerEntry.FallbackStale, "stale_fallbacks", LedgerSection.Fallback, false),
        (LedgerEntry.FallbackStop, "stop_fallbacks", LedgerSection.Fallback, false),
        (LedgerEntry.ClampedAction, "clamped_actions", LedgerSection.Guard, false),
        (LedgerEntry.SinkFault, "sink_faults", LedgerSection.Guard, true),
        (LedgerEntry.SkippedTrigger, "skipped_triggers", LedgerSection.Clock, false),
        (LedgerEntry.LatentPublished, "latents_published", LedgerSection.Clock, false),
        (LedgerEntry.ContextFault, "context_faults", LedgerSection.Guard, true),
        (LedgerEntry.ContextNonFinite, "context_non_finite", LedgerSection.Guard, true),
        (LedgerEntry.ContextTimeout, "context_timeouts", LedgerSection.Guard, true),
        (LedgerEntry.CircuitRejected, "circuit_open_rejections", LedgerSection.Guard, true),
        (LedgerEntry.CircuitOpened, "circuit_opened", LedgerSection.Guard, false),
        (LedgerEntry.CircuitHalfOpened, "circuit_half_opened", LedgerSection.Detail, false),
        (LedgerEntry.CircuitClosed, "circuit_closed", LedgerSection.Detail, false),
        (LedgerEntry.AbandonedWorker, "context_abandoned_workers", LedgerSection.Guard, false),
        (LedgerEntry.LateResult, "context_late_results", LedgerSection.Detail, false),
        (LedgerEntry.SensorDropout, "sensor_dropouts", LedgerSection.Guard, true),
        (LedgerEntry.SensorLate, "sensor_late", LedgerSection.Guard, true),
        (LedgerEntry.SensorOutOfOrder, "sensor_out_of_order", LedgerSection.Guard, true),
        (LedgerEntry.SensorDuplicate, "sensor_duplicates", LedgerSection.Guard, true),
        (LedgerEntry.SensorClockJump, "sensor_clock_jumps", LedgerSection.Guard, true),
        (LedgerEntry.ObserverFault, "observer_faults", LedgerSection.Guard, false),
        (LedgerEntry.PeriodAccountingFault, "period_accounting_faults", LedgerSection.Guard, true),
        (LedgerEntry.StopTimeout, "stop_timeouts", LedgerSection.Guard, true),
    ];

    private static readonly string[] Names = Build(e => e.Name);
    private static readonly LedgerSection[] Sections = Build(e => e.Section);
    private static readonly bool[] Faults = Build(e => e.Fault);

    /// <summary>Entries by name.</summary>
    private static readonly FrozenDictionary<string, LedgerEntry> ByName = Table.ToFrozenDictionary(e => e.Name, e => e.Entry, StringComparer.Ordinal);

    /// <summary>Every entry, in declaration order.</summary>
    public static IReadOnlyList<LedgerEntry> All { get; } = Enum.GetValues<LedgerEntry>();

    /// <summary>The entries reported as faults (<c>IRunObserver.OnFault</c>, the recording's fault channel), in declaration order.</summary>
    public static IReadOnlyList<LedgerEntry> FaultEntries { get; } = [.. All.Where(IsFault)];

    /// <summary>The reasons a fallback (hold or safe) goes out: exactly one of them is counted per fallback.</summary>
    public static IReadOnlyList<LedgerEntry> FallbackReasons { get; } =
        [LedgerEntry.FallbackDeadline, LedgerEntry.HeadFault, LedgerEntry.NonFiniteAction, LedgerEntry.FallbackStale, LedgerEntry.FallbackStop];

    /// <summary>Why an action-clock period got no action: exactly one of them is counted per period without an action.</summary>
    public static IReadOnlyList<LedgerEntry> NoActionReasons { get; } =
        [LedgerEntry.NoActionStartUp, LedgerEntry.NoActionNotScheduled, LedgerEntry.NoActionStopped];

    /// <summary>
    /// The <c>guards</c> keys of the run summary, in their published order. <see cref="LedgerEntry.Miss"/>
    /// appears there under its older name <c>head_overruns</c> (the action clock's misses, same count).
    /// </summary>
    public static IReadOnlyList<(string Key, LedgerEntry Entry)> Guards { get; } =
    [
        ("non_finite_actions", LedgerEntry.NonFiniteAction),
        ("clamped_actions", LedgerEntry.ClampedAction),
        ("sink_faults", LedgerEntry.SinkFault),
        ("observer_faults", LedgerEntry.ObserverFault),
        ("head_faults", LedgerEntry.HeadFault),
        ("head_overruns", LedgerEntry.Miss),
        ("context_timeouts", LedgerEntry.ContextTimeout),
        ("context_faults", LedgerEntry.ContextFault),
        ("context_non_finite", LedgerEntry.ContextNonFinite),
        ("circuit_open_rejections", LedgerEntry.CircuitRejected),
        ("circuit_opened", LedgerEntry.CircuitOpened),
        ("context_abandoned_workers", LedgerEntry.AbandonedWorker),
        ("sensor_dropouts", LedgerEntry.SensorDropout),
        ("sensor_late", LedgerEntry.SensorLate),
        ("sensor_out_of_order", LedgerEntry.SensorOutOfOrder),
        ("sensor_duplicates", LedgerEntry.SensorDuplicate),
        ("sensor_clock_jumps", LedgerEntry.SensorClockJump),
        ("period_accounting_faults", LedgerEntry.PeriodAccountingFault),
        ("stop_timeouts", LedgerEntry.StopTimeout),
    ];

    /// <summary>The entry's stable snake_case name.</summary>
    public static string Name(LedgerEntry entry) => Names[(int)entry];

    /// <summary>Where the entry appears in the run summary.</summary>
    public static LedgerSection Section(LedgerEntry entry) => Sections[(int)entry];

    /// <summary>True when the entry is a fault: reported to the observers' <c>OnFault</c> and the recording's fault channel.</summary>
    public static bool IsFault(LedgerEntry entry) => Faults[(int)entry];

    /// <summary>The entry named <paramref name="name"/>, if any.</summary>
    public static bool TryParse(string name, out LedgerEntry entry) => ByName.TryGetValue(name, out entry);

    /// <summary>The action entry of an action kind (model, degraded, hold, safe).</summary>
    public static LedgerEntry OfAction(Core.Sensors.ActionKind kind) => LedgerEntry.ModelAction + (int)kind;

    private static T[] Build<T>(Func<(LedgerEntry Entry, string Name, LedgerSection Section, bool Fault), T> pick)
    {
        var values = new T[Enum.GetValues<LedgerEntry>().Length];
        foreach (var row in Table)
        {
            values[(int)row.Entry] = pick(row);
        }

        return values;
    }
}
