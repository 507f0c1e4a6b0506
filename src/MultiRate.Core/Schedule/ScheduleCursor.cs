using MultiRate.Core.Rates;

namespace MultiRate.Core.Schedule;

/// <summary>
/// Walks the schedule calendar one base tick at a time: <see cref="Next"/> yields every step whose
/// time lies in [t(b), t(b + 1)), in the order the executor runs them (<see cref="ScheduleCalendar"/>).
/// </summary>
/// <remarks>
/// Two layers: <see cref="Row"/> is the structure (a <see cref="TickPlan"/> row: observe, publish
/// points, triggers, act), which the executor walks under any latency or fault; <see cref="Steps"/>
/// adds the prediction under declared latencies (publish or not, trigger or skip, completions).
/// <para>
/// One run, one thread. All buffers are allocated in the constructor; <see cref="Next"/> allocates
/// nothing and costs O(slow clocks). The span it returns is valid until the next call.
/// </para>
/// </remarks>
public sealed class ScheduleCursor
{
    private readonly CalendarSpec _spec;
    private readonly CalendarClock[] _clocks;
    private readonly ScheduleStep[] _steps;
    private readonly int[] _order;
    private readonly TickPlan _plan;
    private readonly long[] _inFlight;
    private readonly long[] _doneAt;
    private readonly long[] _startedAt;
    private readonly long[] _pending;
    private readonly long[] _visible;
    private int _count;

    /// <summary>Starts before base tick 0 of <paramref name="spec"/>.</summary>
    public ScheduleCursor(CalendarSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        _spec = spec;
        _clocks = [.. spec.Slow];
        int n = _clocks.Length;
        _steps = new ScheduleStep[2 + (6 * n)];
        _order = new int[n];
        _plan = new TickPlan(spec);
        _inFlight = new long[n];
        _doneAt = new long[n];
        _startedAt = new long[n];
        _pending = new long[n];
        _visible = new long[n];
        for (int i = 0; i < n; i++)
        {
            _inFlight[i] = -1;
            _pending[i] = -1;
            _visible[i] = -1;
        }

        BaseTick = -1;
    }

    /// <summary>The schedule walked.</summary>
    public CalendarSpec Spec => _spec;

    /// <summary>The base tick of the current frame (-1 before the first <see cref="Next"/>).</summary>
    public long BaseTick { get; private set; }

    /// <summary>The current frame's steps, in order: the prediction under declared latencies.</summary>
    public ReadOnlySpan<ScheduleStep> Steps => _steps.AsSpan(0, _count);

    /// <summary>
    /// The current base tick's structural row (<see cref="TickPlan"/>): the steps the executor performs,
    /// whatever their outcomes. Empty before the first <see cref="Next"/>.
    /// </summary>
    public ReadOnlySpan<ScheduleStep> Row => _plan.Current;

    /// <summary>Slow tick whose snapshot clock <paramref name="clock"/> shows at the end of the current frame, or -1.</summary>
    public long Visible(int clock) => _visible[clock];

    /// <summary>Deterministic handoff: slow tick completed and held for the clock's next tick, or -1.</summary>
    public long Pending(int clock) => _pending[clock];

    /// <summary>Slow tick whose update is still running at the end of the current frame, or -1.</summary>
    public long InFlight(int clock) => _inFlight[clock];

    /// <summary>Advances to the next base tick and returns its steps.</summary>
    public ReadOnlySpan<ScheduleStep> Next()
    {
        long b = ++BaseTick;
        long t = b * _spec.BaseTickNs;
        _count = 0;

        // Completions due exactly at t were scheduled at an earlier tick, so before tick t itself: they go first.
        CompleteDue(t, inclusive: true);

        // The structure is the plan's row (what the executor runs); the outcomes below are the
        // prediction under declared latencies: a publish point publishes a held snapshot, a trigger
        // starts or is skipped while the clock's previous update runs.
        foreach (ScheduleStep step in _plan.Row(b))
        {
            int i = step.Clock;
            switch (step.Kind)
            {
                case ScheduleStepKind.Observe:
                    Add(ScheduleStepKind.Observe, -1, step.Tick, t, -1);
                    break;
                case ScheduleStepKind.Publish when _pending[i] >= 0:
                    Add(ScheduleStepKind.Publish, i, _pending[i], t, -1);
                    _visible[i] = _pending[i];
                    _pending[i] = -1;
                    break;
                case ScheduleStepKind.Trigger when _inFlight[i] >= 0:
                    Add(ScheduleStepKind.Skip, i, step.Tick, t, -1);
                    break;
                case ScheduleStepKind.Trigger:
                    CalendarClock c = _clocks[i];
                    Add(ScheduleStepKind.Trigger, i, step.Tick, t, c.Upstream >= 0 ? _visible[c.Upstream] : -1);
                    _inFlight[i] = step.Tick;
                    _startedAt[i] = b;
                    _doneAt[i] = t + (c.LatencyNs / _spec.ResolutionNs * _spec.ResolutionNs);
                    break;
                case ScheduleStepKind.Act:
                    Add(ScheduleStepKind.Act, -1, step.Tick, t, _spec.HeadSource >= 0 ? _visible[_spec.HeadSource] : -1);
                    break;
                default:
                    break;
            }
        }

        // After the tick: zero-latency completions of this tick's triggers, then everything before the next tick.
        CompleteDue(t + _spec.BaseTickNs, inclusive: false);
        return Steps;
    }

    /// <summary>Completes every running update due by <paramref name="until"/>, by time, then scheduling order (trigger tick, then trigger order).</summary>
    private void CompleteDue(long until, bool inclusive)
    {
        int n = 0;
        for (int i = 0; i < _clocks.Length; i++)
        {
            if (_inFlight[i] >= 0 && (_doneAt[i] < until || (inclusive && _doneAt[i] == until)))
            {
                // Insertion sort: at most one running update per clock.
                int k = n++;
                while (k > 0 && Before(i, _order[k - 1]))
                {
                    _order[k] = _order[k - 1];
                    k--;
                }

                _order[k] = i;
            }
        }

        for (int k = 0; k < n; k++)
        {
            int i = _order[k];
            long tick = _inFlight[i];
            long at = _doneAt[i];
            _inFlight[i] = -1;
            Add(ScheduleStepKind.Complete, i, tick, at, -1);
            if (_clocks[i].Handoff == HandoffMode.Latest)
            {
                Add(ScheduleStepKind.Publish, i, tick, at, -1);
                _visible[i] = tick;
            }
            else
            {
                _pending[i] = tick;
            }
        }
    }

    private bool Before(int a, int b) =>
        _doneAt[a] < _doneAt[b] || (_doneAt[a] == _doneAt[b] && (_startedAt[a] < _startedAt[b] || (_startedAt[a] == _startedAt[b] && a < b)));

    private void Add(ScheduleStepKind kind, int clock, long tick, long timeNs, long source) =>
        _steps[_count++] = new ScheduleStep(kind, clock, tick, timeNs, source);
}
