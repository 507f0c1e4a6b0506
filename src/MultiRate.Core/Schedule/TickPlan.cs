using MultiRate.Core.Rates;

namespace MultiRate.Core.Schedule;

/// <summary>
/// The calendar's structure: for any base tick, the ordered steps the executor performs there
/// (<see cref="ScheduleStepKind.Observe"/>; <see cref="ScheduleStepKind.Publish"/> for each due
/// deterministic clock, slowest first; <see cref="ScheduleStepKind.Trigger"/> for each due slow clock,
/// slowest first; <see cref="ScheduleStepKind.Act"/>). Both drivers' ticks walk this row.
/// </summary>
/// <remarks>
/// The row depends only on the base tick and the schedule's clocks, never on latencies or faults:
/// whether a publish point has a snapshot to publish, whether a trigger starts or is skipped (busy),
/// and when an update completes are outcomes, decided by the executor from its real state (and
/// predicted by <see cref="ScheduleCursor"/> under declared latencies). In a row, a step's
/// <see cref="ScheduleStep.Tick"/> is its clock's due tick (for a publish point too) and
/// <see cref="ScheduleStep.Source"/> is -1.
/// <para>
/// One run, one thread. Buffers are sized in the constructor; <see cref="Row"/> allocates nothing and
/// costs two compares per clock when base ticks come in order (a jump, after skipped periods,
/// costs one division per clock). The span it returns is valid until the next call.
/// </para>
/// </remarks>
public sealed class TickPlan
{
    private readonly CalendarSpec _spec;
    private readonly DueCursor _action;
    private readonly DueCursor[] _slow;
    private readonly bool[] _deterministic;
    private readonly long[] _due;
    private readonly ScheduleStep[] _steps;
    private int _count;

    /// <summary>A plan of <paramref name="spec"/>'s rows.</summary>
    public TickPlan(CalendarSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        _spec = spec;
        int n = spec.Slow.Count;
        _action = new DueCursor(spec.ActionOffsetTicks, spec.ActionDivisor);
        _slow = new DueCursor[n];
        _deterministic = new bool[n];
        _due = new long[n];
        for (int i = 0; i < n; i++)
        {
            _slow[i] = new DueCursor(spec.Slow[i].OffsetTicks, spec.Slow[i].Divisor);
            _deterministic[i] = spec.Slow[i].Handoff == HandoffMode.Deterministic;
        }

        _steps = new ScheduleStep[MaxSteps(n)];
    }

    /// <summary>The schedule planned.</summary>
    public CalendarSpec Spec => _spec;

    /// <summary>The row of the last <see cref="Row"/> call (empty before the first).</summary>
    public ReadOnlySpan<ScheduleStep> Current => _steps.AsSpan(0, _count);

    /// <summary>The most steps a row of a schedule with <paramref name="slowClocks"/> slow clocks has.</summary>
    public static int MaxSteps(int slowClocks) => 2 + (2 * slowClocks);

    /// <summary>The structural steps of base tick <paramref name="baseTick"/> (time <c>baseTick * base</c>), in order.</summary>
    public ReadOnlySpan<ScheduleStep> Row(long baseTick)
    {
        long t = baseTick * _spec.BaseTickNs;
        _count = 0;
        long actionTick = _action.DueTick(baseTick);
        if (actionTick >= 0)
        {
            Add(ScheduleStepKind.Observe, -1, actionTick, t);
        }

        bool anySlow = false;
        for (int i = 0; i < _slow.Length; i++)
        {
            long due = _slow[i].DueTick(baseTick);
            _due[i] = due;
            if (due >= 0)
            {
                anySlow = true;
                if (_deterministic[i])
                {
                    Add(ScheduleStepKind.Publish, i, due, t);
                }
            }
        }

        // Most base ticks of a fast schedule have no slow clock due: one flag saves the second walk.
        if (anySlow)
        {
            for (int i = 0; i < _slow.Length; i++)
            {
                if (_due[i] >= 0)
                {
                    Add(ScheduleStepKind.Trigger, i, _due[i], t);
                }
            }
        }

        if (actionTick >= 0)
        {
            Add(ScheduleStepKind.Act, -1, actionTick, t);
        }

        return _steps.AsSpan(0, _count);
    }

    private void Add(ScheduleStepKind kind, int clock, long tick, long timeNs) =>
        _steps[_count++] = new ScheduleStep(kind, clock, tick, timeNs, -1);
}
