using MultiRate.Core.Latent;
using MultiRate.Core.Sensors;
using MultiRate.Scheduling.Ledger;
using MultiRate.Scheduling.Observation;

namespace MultiRate.Live.Tests;

/// <summary>Synthetic events as the executor raises them on the clock threads (no executor).</summary>
internal static class LiveTestEvents
{
    /// <summary>One head tick: an action and its timing; every 100th tick a context tick and latent; every 50th a late-sensor fault.</summary>
    public static void Tick(IRunObserver observer, long tick, float[] action, LatentSnapshot latent)
    {
        long t = tick * 1_000_000;
        action[0] = tick % 7 / 10f;
        observer.OnAction(t, tick, ActionKind.Model, action);
        observer.OnFastTick(new FastTickRecord(tick, t, 12_000, 12_000, 500_000, FastTickOutcome.Ok, 1, 150_000_000));
        if (tick % 100 == 0)
        {
            observer.OnSlowTick(new SlowTickRecord("context", tick / 100, t, t + 40_000_000, 40_000_000, 60_000_000, SlowTickOutcome.Completed, 6));
            observer.OnLatentPublished("context", latent, t);
        }

        if (tick % 50 == 25)
        {
            observer.OnFault(new FaultRecord(LedgerEntry.SensorLate, "imu", t, tick));
        }
    }

    public static LatentSnapshot Latent() => new(1, 0, 0, 40_000_000, 6, [0.5f, -0.25f, 1f]);

    /// <summary>Waits until the sender thread has taken <paramref name="events"/> events off the ring (bounded).</summary>
    public static void WaitForSender(LiveServer server, long events)
    {
        var spin = default(SpinWait);
        long give = Environment.TickCount64 + 30_000;
        while (server.SenderMessages < events)
        {
            Assert.True(Environment.TickCount64 < give, $"the sender took {server.SenderMessages} of {events} events");
            spin.SpinOnce();
        }
    }
}
