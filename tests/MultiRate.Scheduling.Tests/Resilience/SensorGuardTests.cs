using MultiRate.Scheduling.Ledger;
using MultiRate.Scheduling.Resilience;
using MultiRate.Scheduling.Tests.Faults;

namespace MultiRate.Scheduling.Tests.Resilience;

public class SensorGuardTests
{
    private const long Ms = 1_000_000;
    private readonly RunLedger _ledger = new(["head"], "head");

    /// <summary>Reads at 1 ms steps; returns field 0 after the guard at each step.</summary>
    private List<float> Run(Func<long, (long, float)?> script, int steps)
    {
        var sensor = new ScriptedTimedSensor(script);
        var guard = new SensorGuard(sensor, ResilienceOptions.Default, _ledger);
        var seen = new List<float>();
        var values = new float[2];
        for (int i = 0; i < steps; i++)
        {
            sensor.Read(i * Ms, values);
            guard.Check(i * Ms, i * Ms, i, values);
            seen.Add(values[0]);
        }

        return seen;
    }

    // A 100 Hz stream: a new sample every 10 ms, stamped with its read time, value = sample index.
    private static (long, float)? Regular(long t) => t % (10 * Ms) == 0 ? (t, t / (10 * Ms)) : null;

    [Fact]
    public void Check_RegularStream_NothingCountedValuesPassThrough()
    {
        List<float> seen = Run(Regular, 100);

        Assert.Equal(0, _ledger.Total(LedgerEntry.SensorDropout) + _ledger.Total(LedgerEntry.SensorLate) + _ledger.Total(LedgerEntry.SensorOutOfOrder) + _ledger.Total(LedgerEntry.SensorDuplicate) + _ledger.Total(LedgerEntry.SensorClockJump));
        Assert.Equal(9f, seen[^1]);
    }

    [Fact]
    public void Check_Duplicate_DroppedCountedAndLastValueHeld()
    {
        // At 25 ms the 20 ms sample arrives again with a different (corrupt) value.
        List<float> seen = Run(t => t == 25 * Ms ? (20 * Ms, 99f) : Regular(t), 30);

        Assert.Equal(1, _ledger.Total(LedgerEntry.SensorDuplicate));
        Assert.Equal(2f, seen[25]);
        Assert.Equal(2f, seen[29]);
    }

    [Fact]
    public void Check_OlderSample_OutOfOrderDroppedAndCounted()
    {
        List<float> seen = Run(t => t == 25 * Ms ? (10 * Ms, 99f) : Regular(t), 40);

        Assert.Equal(1, _ledger.Total(LedgerEntry.SensorOutOfOrder));
        Assert.Equal(2f, seen[25]);
        Assert.Equal(3f, seen[30]);
    }

    [Fact]
    public void Check_ClockJumpsBack_CountedOnceAndStreamFollowsNewClock()
    {
        // From 50 ms on the stream's clock reads 1 s behind.
        long Shift(long t) => t >= 50 * Ms ? t - 1000 * Ms : t;
        List<float> seen = Run(t => Regular(t) is (long s, float v) ? (Shift(s), v) : null, 100);

        Assert.Equal(1, _ledger.Total(LedgerEntry.SensorClockJump));
        Assert.Equal(0, _ledger.Total(LedgerEntry.SensorOutOfOrder));
        Assert.Equal(0, _ledger.Total(LedgerEntry.SensorLate));
        Assert.Equal(9f, seen[99]);
    }

    [Fact]
    public void Check_LateSamples_CountedAndUsed()
    {
        // From 100 ms on each sample arrives 30 ms after its timestamp (limit 20 ms).
        List<float> seen = Run(t => t < 100 * Ms ? Regular(t) : Regular(t - (30 * Ms)) is (long s, float v) ? (s, v) : null, 200);

        Assert.Equal(7, _ledger.Total(LedgerEntry.SensorLate)); // samples 100..160 ms arrive at 130..190 ms
        Assert.Equal(16f, seen[199]);
    }

    [Fact]
    public void Check_Silence_OneDropoutPerEpisode()
    {
        // Silent 100..400 ms and 600..900 ms: two episodes past the 100 ms limit.
        List<float> seen = Run(t => t is (> 100 * Ms and < 400 * Ms) or (> 600 * Ms and < 900 * Ms) ? null : Regular(t), 1000);

        Assert.Equal(2, _ledger.Total(LedgerEntry.SensorDropout));
        Assert.Equal(10f, seen[300]);
        Assert.Equal(99f, seen[999]);
    }

    [Fact]
    public void Check_ShortGap_NoDropout()
    {
        Run(t => t is > 100 * Ms and < 190 * Ms ? null : Regular(t), 300);

        Assert.Equal(0, _ledger.Total(LedgerEntry.SensorDropout));
    }
}
