using MultiRate.Core.Rates;
using MultiRate.Core.Sensors;
using MultiRate.Scheduling.Output;
using MultiRate.Scheduling.Ledger;

namespace MultiRate.Scheduling.Tests.Output;

/// <summary>
/// The output stage's two emitters (fast thread and deadline watchdog) claim ticks with a CAS and emit
/// without a lock, in claim order: the sink never sees a tick before an earlier claimed one, and never
/// two writes at once.
/// </summary>
public sealed class OutputStageOrderTests
{
    private static readonly ActionSpec Spec = new()
    {
        Dimension = 2,
        Safe = [0, 0],
        Min = [-1, -1],
        Max = [1, 1],
    };

    [Fact]
    public void A_later_tick_waits_for_the_emission_of_an_earlier_claimed_one()
    {
        var sink = new OrderSink();
        using var output = new OutputStage(Spec, sink);

        // The watchdog claims tick 0 and is delayed (preempted) before it emits.
        Assert.True(output.TryClaim(0, out long beforeZero));
        Assert.Equal(-1, beforeZero);

        // The fast thread claims tick 1 and tries to emit it meanwhile.
        using var emitted = new ManualResetEventSlim();
        var fast = new Thread(() =>
        {
            Assert.True(output.TryClaim(1, out long beforeOne));
            Assert.Equal(0, beforeOne);
            output.EmitModel(1_000_000, 1, beforeOne, ActionKind.Model, [0.5f, 0.5f]);
            emitted.Set();
        });
        fast.Start();

        // With the lock this replaced, tick 1 went out here, before tick 0.
        Assert.False(emitted.Wait(TimeSpan.FromMilliseconds(200)));
        Assert.Empty(sink.Ticks);

        output.EmitFallback(500_000, 0, beforeZero, OverrunPolicy.Hold, LedgerEntry.FallbackDeadline);
        Assert.True(fast.Join(TimeSpan.FromSeconds(10)));
        Assert.Equal([0L, 1L], sink.Ticks);
        Assert.Equal(0, sink.Overlaps);
    }

    [Fact]
    public void Two_threads_racing_for_every_tick_emit_each_exactly_once_in_order()
    {
        const long ticks = 200_000;
        var sink = new OrderSink();
        var ledger = new RunLedger(["head"], "head");
        using var output = new OutputStage(Spec, sink, ledger);
        using var start = new Barrier(2);
        long[] wins = new long[2];

        void Race(int who)
        {
            start.SignalAndWait();
            for (long k = 0; k < ticks; k++)
            {
                if (output.TryClaim(k, out long previous))
                {
                    wins[who]++;
                    if (who == 0)
                    {
                        output.EmitModel(k * 1000, k, previous, ActionKind.Model, [0.001f, -0.001f]);
                    }
                    else
                    {
                        output.EmitFallback(k * 1000, k, previous, OverrunPolicy.Hold, LedgerEntry.FallbackDeadline);
                    }
                }
            }
        }

        var other = new Thread(() => Race(1));
        other.Start();
        Race(0);
        Assert.True(other.Join(TimeSpan.FromSeconds(60)));

        // A tick can be skipped only when the other thread claimed a later one first; nothing twice, nothing backwards.
        Assert.Equal(wins[0] + wins[1], sink.Ticks.Count);
        Assert.Equal(sink.Ticks.Count, ledger.Total(LedgerEntry.ModelAction) + ledger.Total(LedgerEntry.HoldAction));
        Assert.Equal(wins[1], ledger.Total(LedgerEntry.FallbackDeadline));
        Assert.Equal(sink.Ticks[^1] + 1, sink.Ticks.Count + ledger.Total(LedgerEntry.PeriodWithoutAction)); // every tick up to the last: one action or counted without
        Assert.True(sink.Ticks.Zip(sink.Ticks.Skip(1), (a, b) => b > a).All(x => x), "ticks out of order");
        Assert.Equal(0, sink.Overlaps);
    }

    [Fact]
    public void A_claim_past_unclaimed_ticks_counts_them_as_periods_without_an_action()
    {
        var ledger = new RunLedger(["head"], "head");
        using var output = new OutputStage(Spec, new OrderSink(), ledger);
        Assert.True(output.TryClaim(0, out long p0));
        output.EmitModel(0, 0, p0, ActionKind.Model, [0.2f, 0.2f]);

        Assert.True(output.TryClaim(4, out long p4));
        Assert.False(output.TryClaim(2, out _)); // a tick behind the claim can never get an action now

        Assert.Equal(0, p4);
        Assert.Equal(3, ledger.Total(LedgerEntry.PeriodWithoutAction));
    }

    [Fact]
    public void Safe_on_stop_takes_the_next_tick_after_pending_emissions()
    {
        var sink = new OrderSink();
        using var output = new OutputStage(Spec, sink);
        Assert.True(output.TryClaim(0, out long p0));
        output.EmitModel(0, 0, p0, ActionKind.Model, [0.2f, 0.2f]);
        output.EmitStopStep(1_000_000, snap: true);
        Assert.True(output.AtSafe);
        Assert.Equal([0L, 1L], sink.Ticks);
        Assert.Equal(ActionKind.Safe, sink.Kinds[^1]);
    }

    [Fact]
    public void Reloaded_limits_apply_from_the_next_emission_whole()
    {
        var sink = new OrderSink();
        using var output = new OutputStage(Spec, sink);
        Assert.True(output.TryClaim(0, out long p0));
        output.EmitModel(0, 0, p0, ActionKind.Model, [0.9f, -0.9f]);
        output.UpdateLimits(Spec with { Safe = [0.1, 0.1], Min = [-0.5, -0.5], Max = [0.5, 0.5] });
        Assert.True(output.TryClaim(1, out long p1));
        output.EmitModel(1_000_000, 1, p1, ActionKind.Model, [0.9f, -0.9f]);
        Assert.True(output.TryClaim(2, out long p2));
        output.EmitFallback(2_000_000, 2, p2, OverrunPolicy.SafeAction, LedgerEntry.FallbackDeadline);
        Assert.Equal([0.9f, -0.9f], sink.Actions[0]);
        Assert.Equal([0.5f, -0.5f], sink.Actions[1]);
        Assert.Equal([0.1f, 0.1f], sink.Actions[2]);
    }

    private sealed class OrderSink : IActuatorSink
    {
        private int _inside;

        public List<long> Ticks { get; } = [];

        public List<ActionKind> Kinds { get; } = [];

        public List<float[]> Actions { get; } = [];

        public int Overlaps { get; private set; }

        public void Write(long timeNs, long tick, ActionKind kind, ReadOnlySpan<float> action)
        {
            if (Interlocked.Increment(ref _inside) != 1)
            {
                Overlaps++;
            }

            Ticks.Add(tick);
            Kinds.Add(kind);
            Actions.Add(action.ToArray());
            Interlocked.Decrement(ref _inside);
        }
    }
}
