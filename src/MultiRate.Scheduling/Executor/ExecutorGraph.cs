using MultiRate.Core.Modules;
using MultiRate.Core.Rates;
using MultiRate.Core.Schedule;
using MultiRate.Core.Sensors;

namespace MultiRate.Scheduling.Executor;

/// <summary>
/// The immutable graph of one rate profile: the modules, the sensor source, the order of the clocks and
/// the tick that runs them. Built once; every run gets a fresh <see cref="RunState"/> from
/// <see cref="NewState"/> and a <see cref="Drivers.ClockDriver"/> that books the ticks.
/// </summary>
/// <remarks>
/// One periodic schedule at the base tick drives everything. At base tick k (time t = k * base) the
/// tick runs the schedule calendar's row for k (<see cref="TickPlan"/>, docs/schedule-calendar.md):
/// <code>
///   1. observe      fast clock due: sample sensors at t, append the context row to history
///   2. publish      every slow clock due, slowest first: deterministic snapshots ready since the
///                   last boundary become visible
///   3. trigger      every slow clock due, slowest first: start an update, or skip it (counted)
///                   when the previous one still runs; it sees the latents published in step 2
///   4. read + act   fast clock due: read the latest latent (no lock), run the head, emit one action
/// </code>
/// Time is integer nanoseconds from the run's tick 0; tick times are k * period, never accumulated.
/// The driver books base tick k and hands k to <see cref="Tick"/>; nothing here reads a clock, and
/// modules receive time as data. Drake's split: this is the System (const), <see cref="RunState"/> the
/// Context (everything a run changes), the driver the Simulator (advances time).
/// </remarks>
internal sealed class ExecutorGraph
{
    public ExecutorGraph(RateProfile profile, IActionHead head, IReadOnlyDictionary<string, IContextModule> contexts, ISensorSource sensor, ExecutorOptions options)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(options);
        Profile = profile;
        Head = head;
        Contexts = contexts;
        Sensor = sensor;
        Options = options;
        BasePeriodNs = profile.BaseTickNs;
        ClockDefinition actionClock = profile.ActionClock;
        SlowClocks = [.. profile.Clocks.Where(c => c != actionClock).OrderBy(c => c.RateHz)];
        Calendar = CalendarSpec.FromProfile(profile);
    }

    /// <summary>The profile the graph was built from (a run's live edits are in its state).</summary>
    public RateProfile Profile { get; }

    public IActionHead Head { get; }

    public IReadOnlyDictionary<string, IContextModule> Contexts { get; }

    public ISensorSource Sensor { get; }

    public ExecutorOptions Options { get; }

    public long BasePeriodNs { get; }

    /// <summary>The slow clocks in tick order: slowest first.</summary>
    public IReadOnlyList<ClockDefinition> SlowClocks { get; }

    /// <summary>The schedule calendar of the profile; its clock indices are <see cref="SlowClocks"/>'.</summary>
    public CalendarSpec Calendar { get; }

    /// <summary>A fresh run state: new channels, history, statistics and output stage, nothing shared with another run's.</summary>
    /// <param name="sink">Where the actions go (null: nowhere).</param>
    /// <param name="options">This run's options: the graph's, or a variant (observers, cost model) of them.</param>
    public RunState NewState(IActuatorSink? sink, ExecutorOptions? options = null) => new(this, sink, options ?? Options);

    /// <summary>One base tick on <paramref name="s"/>: the calendar's row for it, step by step. Fast thread only; allocates nothing.</summary>
    public void Tick(RunState s, long baseTick)
    {
        FastStage fast = s.Fast;
        SlowStage[] slow = s.Slow;
        long last = s.LastBaseTick;
        if (baseTick > last + 1)
        {
            // The driver skipped whole periods after an overrun (or a late first wake-up, from -1): count
            // them per clock, never replay them.
            foreach (SlowStage stage in slow)
            {
                stage.ReportSkippedPeriods(stage.TicksBetween(last, baseTick));
            }

            fast.ReportSkippedPeriods(fast.TicksBetween(last, baseTick));
        }

        if (s.ReloadPending)
        {
            s.ApplyReload(baseTick);
        }

        s.LastBaseTick = baseTick;

        // The row is structure only (what runs, in which order); each stage decides the outcome from its
        // real state: a publish point publishes what is held, a trigger starts or is skipped (busy).
        ReadOnlySpan<ScheduleStep> row = s.Plan.Row(baseTick);
        for (int k = 0; k < row.Length; k++)
        {
            ScheduleStep step = row[k];
            switch (step.Kind)
            {
                case ScheduleStepKind.Observe:
                    fast.Observe(step.TimeNs);
                    break;
                case ScheduleStepKind.Publish:
                    slow[step.Clock].PublishPending(step.TimeNs);
                    break;
                case ScheduleStepKind.Trigger:
                    slow[step.Clock].Trigger(step.Tick, step.TimeNs, s.History);
                    break;
                case ScheduleStepKind.Act:
                    fast.Act(step.Tick, step.TimeNs);
                    break;
                default:
                    throw new InvalidOperationException($"a calendar row holds no {step.Kind} step");
            }
        }
    }
}
