using MultiRate.Configuration.Rates;
using MultiRate.Core.Latent;
using MultiRate.Core.Rates;
using MultiRate.Core.Sensors;
using MultiRate.Recording;
using MultiRate.Scheduling.Ledger;
using MultiRate.Scheduling.Observation;

namespace MultiRate.Recording.Tests;

/// <summary>The shipped default profile, and a driver that feeds a recorder synthetic events directly (no executor).</summary>
internal static class RecorderTestProfile
{
    public static RateProfile Default { get; } = RateProfileLoader.Load(RecordingTestPaths.Repo("rates/default.yaml"));

    /// <summary>One head tick: an action and its timing; every 100th tick a context latent; every 50th a late-sensor fault.</summary>
    public static void Tick(IRunObserver recorder, long tick, float[] action, LatentSnapshot latent)
    {
        long t = tick * 1_000_000;
        action[0] = tick % 7 / 10f;
        recorder.OnAction(t, tick, ActionKind.Model, action);
        recorder.OnFastTick(new FastTickRecord(tick, t, 12_000, 12_000, 500_000, FastTickOutcome.Ok, 1, 150_000_000));
        if (tick % 100 == 0)
        {
            recorder.OnSlowTick(new SlowTickRecord("context", tick / 100, t, t + 40_000_000, 40_000_000, 60_000_000, SlowTickOutcome.Completed, 6));
            recorder.OnLatentPublished("context", latent, t);
        }

        if (tick % 50 == 25)
        {
            recorder.OnFault(new FaultRecord(LedgerEntry.SensorLate, "imu", t, tick));
        }
    }

    public static LatentSnapshot Latent() => new(1, 0, 0, 40_000_000, 6, [0.5f, -0.25f, 1f]);

    public static McapRunRecorder Create(string path, RecorderOptions? options = null) =>
        McapRunRecorder.Create(path, Default, options ?? RecorderOptions.ForReplay(0));
}
