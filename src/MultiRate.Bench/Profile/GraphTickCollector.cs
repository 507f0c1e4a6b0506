using MultiRate.Core.Latent;
using MultiRate.Core.Rates;
using MultiRate.Core.Sensors;
using MultiRate.Scheduling.Observation;

namespace MultiRate.Bench.Profile;

/// <summary>
/// Observes a full-graph run: per clock, the response time of every tick whose module ran (action
/// clock: wake-up lateness + head compute, what its deadline sees; context clocks: trigger to finished
/// update), and the ticks and misses the confirmation counts.
/// </summary>
/// <remarks>
/// Sample arrays are allocated up front for the run's length, so a tick costs a few stores and no
/// allocation; samples past the capacity are dropped and counted. The action clock's events arrive on
/// the clock thread, each context clock's on its own worker thread, so every clock's slots have one
/// writer. Read the results after the run has returned.
/// </remarks>
internal sealed class GraphTickCollector : IRunObserver
{
    private readonly Func<long> _lateness;
    private readonly long _fromNs;
    private readonly string _actionClock;
    private readonly Dictionary<string, Slot> _slots = new(StringComparer.Ordinal);
    private readonly Slot _action;
    private readonly Dictionary<string, double> _periodUs = new(StringComparer.Ordinal);

    /// <param name="profile">The profile the run executes.</param>
    /// <param name="duration">The run's length (sizes the sample arrays).</param>
    /// <param name="fromNs">Run time from which ticks count: earlier ones are warm-up.</param>
    /// <param name="lateness">Wake-up lateness of the action clock's current tick, ns (read on the clock thread).</param>
    public GraphTickCollector(RateProfile profile, TimeSpan duration, long fromNs, Func<long> lateness)
    {
        _lateness = lateness;
        _fromNs = fromNs;
        _actionClock = profile.ActionClock.Name;
        foreach (ClockDefinition c in profile.Clocks)
        {
            long capacity = (long)Math.Ceiling(duration.TotalSeconds * c.RateHz) + 2;
            _slots[c.Name] = new Slot(c.Name, (int)Math.Min(capacity, 50_000_000));
            _periodUs[c.Name] = c.PeriodNs / 1000.0;
        }

        _action = _slots[_actionClock];
    }

    /// <summary>Per clock, in profile order: response times in us of ticks past the warm-up whose module ran.</summary>
    public IReadOnlyDictionary<string, double[]> Samples() =>
        _slots.Values.Where(s => s.Count > 0).ToDictionary(s => s.Name, s => s.Values.AsSpan(0, s.Count).ToArray(), StringComparer.Ordinal);

    /// <summary>Ticks past the warm-up and how many of them missed, by clock (misses: see <see cref="OnFastTick"/> and <see cref="OnSlowTick"/>).</summary>
    public (long Ticks, long Misses) Tally(string clock) => _slots[clock] is { } s ? (s.Ticks, s.Misses) : (0, 0);

    /// <summary>Samples dropped because the run outlasted the arrays (0 normally).</summary>
    public long Dropped => _slots.Values.Sum(s => s.Dropped);

    /// <inheritdoc />
    public void OnAction(long timeNs, long tick, ActionKind kind, ReadOnlySpan<float> action)
    {
    }

    /// <summary>
    /// A miss is what the ledger calls one: no model result by the deadline (late, or dropped because the
    /// watchdog had already sent the fallback). Head faults are faults, not misses.
    /// </summary>
    public void OnFastTick(in FastTickRecord record)
    {
        if (record.TimeNs < _fromNs)
        {
            return;
        }

        _action.Ticks++;
        if (record.Outcome is FastTickOutcome.Miss or FastTickOutcome.Dropped)
        {
            _action.Misses++;
        }

        if (record.LatencyNs > 0)
        {
            _action.Add((Math.Max(0, _lateness()) + record.LatencyNs) / 1000.0);
        }
    }

    /// <summary>
    /// A context tick misses when its trigger was skipped (the previous update still ran), its update
    /// failed, timed out or was rejected, or it finished later than its budget after the trigger.
    /// </summary>
    public void OnSlowTick(in SlowTickRecord record)
    {
        if (record.TimeNs < _fromNs || !_slots.TryGetValue(record.Clock, out Slot? slot))
        {
            return;
        }

        slot.Ticks++;
        long response = record.FinishedNs - record.TimeNs;
        if (record.Outcome != SlowTickOutcome.Completed || response > record.BudgetNs)
        {
            slot.Misses++;
        }

        if (record.Outcome == SlowTickOutcome.Completed)
        {
            slot.Add(response / 1000.0);
        }
        else if (record.Outcome == SlowTickOutcome.Skipped)
        {
            // The previous update still ran a whole period after its trigger: a response of at least one period.
            slot.Add(_periodUs[record.Clock]);
        }
    }

    /// <summary>
    /// Adds <paramref name="count"/> periods the scheduler skipped after an overrun as samples of one
    /// period each (a lower bound: nothing ran in them), so a rate the machine cannot hold shows in the
    /// percentiles instead of vanishing from them. Call after the run.
    /// </summary>
    public void AddSkippedPeriods(string clock, long count)
    {
        Slot slot = _slots[clock];
        for (long i = 0; i < count; i++)
        {
            slot.Add(_periodUs[clock]);
        }
    }

    /// <inheritdoc />
    public void OnLatentPublished(string clock, LatentSnapshot snapshot, long publishedNs)
    {
    }

    private sealed class Slot(string name, int capacity)
    {
        public string Name { get; } = name;

        public double[] Values { get; } = new double[capacity];

        public int Count { get; private set; }

        public long Ticks { get; set; }

        public long Misses { get; set; }

        public long Dropped { get; private set; }

        public void Add(double us)
        {
            if (Count < Values.Length)
            {
                Values[Count++] = us;
            }
            else
            {
                Dropped++;
            }
        }
    }
}
