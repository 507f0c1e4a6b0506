namespace MultiRate.Scheduling.Ledger;

/// <summary>
/// Everything a run counts: the one vocabulary of what happened to each period, tick and action, and
/// every fault. Each outcome is reported once, to the <see cref="RunLedger"/>, which counts it under
/// one of these entries (per clock where it applies) and tells the observers in the same call.
/// </summary>
/// <remarks>
/// The words are defined in <c>docs/vocabulary.md</c>; <see cref="LedgerNames"/> is the one place that
/// turns an entry into its stable JSON name. New entries go at the end of their group; the numeric
/// values are not persisted anywhere (recordings and summaries carry the names).
/// </remarks>
public enum LedgerEntry
{
    /// <summary>A period whose work ran (action clock: the head's tick; context clock: a trigger, started or skipped).</summary>
    Tick,

    /// <summary>A period whose work did not run at all: the scheduler overran past it and skipped it whole.</summary>
    SkippedPeriod,

    /// <summary>
    /// Action clock: a period that got no action at all: neither the fast thread nor the watchdog sent one
    /// for its tick index (counted when a later tick is claimed: claims only move forward).
    /// </summary>
    PeriodWithoutAction,

    /// <summary>
    /// Every period of the clock's schedule that elapsed in the run (the run's periods and, on the action
    /// clock, the stop ramp's), counted once when the run ends. Action clock: actions + periods without an
    /// action = periods elapsed; context clock: ticks + skipped periods = periods elapsed (checked then).
    /// </summary>
    PeriodElapsed,

    /// <summary>Why an action-clock period got no action: it came before the first action (the clock's first wake-up came late and nothing covered it).</summary>
    NoActionStartUp,

    /// <summary>Why an action-clock period got no action: the process was not scheduled in it (an overrun or a stall skipped it) and the deadline watchdog did not cover it.</summary>
    NoActionNotScheduled,

    /// <summary>Why an action-clock period got no action: the run was stopped before its tick came (the stop ramp then starts from the last action sent).</summary>
    NoActionStopped,

    /// <summary>Action clock: a tick whose model result was not there by its deadline (it finished late, or the watchdog had already sent the fallback).</summary>
    Miss,

    /// <summary>Action clock: a tick at which the latent was older than the age limit, or absent.</summary>
    StaleTick,

    /// <summary>An action the head computed on a fresh latent went out.</summary>
    ModelAction,

    /// <summary>An action the head computed on a stale latent went out.</summary>
    DegradedAction,

    /// <summary>A fallback went out: the last action, held.</summary>
    HoldAction,

    /// <summary>A fallback went out: the profile's safe action.</summary>
    SafeAction,

    /// <summary>Why a fallback went out: no model result by the deadline (a miss, or a skipped period the watchdog covered).</summary>
    FallbackDeadline,

    /// <summary>Action clock: the head threw or returned a failed outcome; a fallback went out instead (also why that fallback went out).</summary>
    HeadFault,

    /// <summary>Action clock: the head's result was not finite (it said so, or its values had NaN or infinity); a hold went out instead (also why).</summary>
    NonFiniteAction,

    /// <summary>Why a fallback went out: the latent was stale and the profile asks for the safe action (the head did not run).</summary>
    FallbackStale,

    /// <summary>Why a fallback went out: the run was stopped early and the safe action was sent last.</summary>
    FallbackStop,

    /// <summary>An action was clamped to the limits (value or rate).</summary>
    ClampedAction,

    /// <summary>The actuator sink threw (the action still counts as sent: observers and the hash saw it).</summary>
    SinkFault,

    /// <summary>Context clock: a trigger came while the previous update still ran; it was skipped and the old latent stays.</summary>
    SkippedTrigger,

    /// <summary>Context clock: a latent snapshot became visible to its readers.</summary>
    LatentPublished,

    /// <summary>Context clock: the module threw or returned a failed outcome; the old latent stays.</summary>
    ContextFault,

    /// <summary>Context clock: the module returned NaN or infinity; the old latent stays.</summary>
    ContextNonFinite,

    /// <summary>Context clock: an update ran past the slow path's timeout; the old latent stays.</summary>
    ContextTimeout,

    /// <summary>Context clock: the circuit was open (or the worker cap was reached): the module was not called.</summary>
    CircuitRejected,

    /// <summary>Context clock: the circuit opened.</summary>
    CircuitOpened,

    /// <summary>Context clock: the circuit went half-open to let one probe through.</summary>
    CircuitHalfOpened,

    /// <summary>Context clock: the circuit closed again after a successful probe.</summary>
    CircuitClosed,

    /// <summary>Context clock, real time: a worker thread was left behind in a module call that never returned.</summary>
    AbandonedWorker,

    /// <summary>Context clock, real time: a result an abandoned worker produced after its timeout (discarded).</summary>
    LateResult,

    /// <summary>A sensor stream delivered nothing for longer than the dropout limit (once per episode); its last value is held.</summary>
    SensorDropout,

    /// <summary>A sensor sample arrived later than the late limit (it is still used).</summary>
    SensorLate,

    /// <summary>A sensor sample older than the last accepted one arrived: it was dropped.</summary>
    SensorOutOfOrder,

    /// <summary>A sensor sample arrived twice: the copy was dropped.</summary>
    SensorDuplicate,

    /// <summary>A sensor stream's clock jumped backwards past the limit: the stream was re-anchored.</summary>
    SensorClockJump,

    /// <summary>An observer threw; the exception was swallowed so the clock goes on.</summary>
    ObserverFault,

    /// <summary>
    /// A clock's periods did not add up when the run ended (actions + periods without an action, or ticks +
    /// skipped periods, differ from the periods elapsed): a bug in the runtime, reported as a fault.
    /// </summary>
    PeriodAccountingFault,

    /// <summary>
    /// Action clock, real time: the stop ramp's steps did not all arrive within the ramp's length plus its
    /// margin (the clock thread stopped ticking); the run ended without waiting further, the last action
    /// sent possibly short of the safe action.
    /// </summary>
    StopTimeout,
}
