using System.Diagnostics.Metrics;
using MultiRate.Core.Sensors;
using MultiRate.Hosting.Telemetry;
using MultiRate.Hosting.Tests.Reload.Fakes;
using MultiRate.Scheduling.Ledger;
using MultiRate.Scheduling.Observation;
using MultiRate.Scheduling.Tests.Fakes;

namespace MultiRate.Hosting.Tests.Telemetry;

public class MetricsObserverTests
{
    [Fact]
    public void OnTicks_ListenerAttached_LatencyTaggedByClock_MissesAndFaultsReadFromTheLedger()
    {
        using var run = new VirtualRun(VirtualRun.ProfileText(500));
        using var metrics = new MetricsObserver(run.Profile);
        using var capture = new Capture(metrics.Meter);
        var ledger = new RunLedger(["planner", "context", "head"], "head");
        metrics.Attach(ledger);
        ledger.Add(LedgerEntry.Miss, 2, 1);
        ledger.Add(LedgerEntry.FallbackDeadline, 2, 3); // fallbacks are not misses
        ledger.Add(LedgerEntry.SkippedTrigger, 1, 1);
        ledger.Add(LedgerEntry.ContextFault, 0, 1);
        ledger.Add(LedgerEntry.CircuitRejected, 0, 2); // not a module fault: the module was not called

        metrics.OnFastTick(new FastTickRecord(0, 0, 120_000, 120_000, 500_000, FastTickOutcome.Ok, 1, 5_000_000));
        metrics.OnFastTick(new FastTickRecord(1, 1_000_000, 700_000, 700_000, 500_000, FastTickOutcome.Miss, 1, 6_000_000));
        metrics.OnSlowTick(new SlowTickRecord("context", 0, 0, 40_000_000, 40_000_000, 60_000_000, SlowTickOutcome.Completed, 3));
        metrics.OnSlowTick(new SlowTickRecord("context", 1, 100_000_000, 100_000_000, 0, 60_000_000, SlowTickOutcome.Skipped, 0));
        metrics.OnSlowTick(new SlowTickRecord("planner", 0, 0, 10, 10_000, 400_000_000, SlowTickOutcome.Faulted, 0));

        capture.Listener.RecordObservableInstruments();

        Assert.Equal([("head", 120.0), ("head", 700.0), ("context", 40_000.0), ("planner", 10.0)], capture.Latencies);
        Assert.Equal([("planner", 0L), ("context", 1L), ("head", 1L)], capture.Counts["multirate.tick.misses"]);
        Assert.Equal([("planner", 1L), ("context", 0L), ("head", 0L)], capture.Counts["multirate.tick.faults"]);
        Assert.Contains(("misses", 1L), capture.Counts["multirate.ledger"].Select(c => (c.Tag, c.Value)));
    }

    [Fact]
    public void Observables_AfterVirtualRun_LatentAgeActionsAndSkippedPeriods()
    {
        using var run0 = new VirtualRun(VirtualRun.ProfileText(500));
        using var metrics = new MetricsObserver(run0.Profile);
        using var run = new VirtualRun(VirtualRun.ProfileText(500), observers: [metrics]);
        metrics.Attach(run.Executor);
        var summary = run.Run(TimeSpan.FromMilliseconds(500));
        using var capture = new Capture(metrics.Meter);

        capture.Listener.RecordObservableInstruments();

        Assert.Equal(summary.Actions, capture.Counts["multirate.actions"].Sum(c => c.Value));
        Assert.Equal(summary.ActionsByKind["degraded"], capture.Counts["multirate.actions"].Single(c => c.Tag == "degraded").Value);
        Assert.Equal(3, capture.Counts["multirate.tick.skipped_periods"].Count);
        Assert.All(capture.Counts["multirate.tick.skipped_periods"], c => Assert.Equal(0, c.Value));
        double age = Assert.Single(capture.Gauges);
        Assert.InRange(age, 100, 250);
    }

    [Fact]
    public void OnFastTick_SteadyStateWithListener_AllocatesNothing()
    {
        using var run = new VirtualRun(VirtualRun.ProfileText(500));
        using var metrics = new MetricsObserver(run.Profile);
        using var listener = new MeterListener();
        double sum = 0;
        long records = 0;
        listener.InstrumentPublished = (i, l) =>
        {
            if (i.Meter == metrics.Meter)
            {
                l.EnableMeasurementEvents(i);
            }
        };
        listener.SetMeasurementEventCallback<double>((_, v, _, _) =>
        {
            sum += v;
            records++;
        });
        listener.Start();
        var fast = new FastTickRecord(0, 0, 120_000, 120_000, 500_000, FastTickOutcome.Ok, 1, 5_000_000);
        var miss = fast with { Outcome = FastTickOutcome.Miss };
        var slow = new SlowTickRecord("context", 0, 0, 1, 40_000_000, 60_000_000, SlowTickOutcome.Completed, 3);
        var skipped = slow with { Outcome = SlowTickOutcome.Skipped };
        float[] action = [0.5f, 0.25f];
        void Tick()
        {
            metrics.OnAction(0, 0, ActionKind.Model, action);
            metrics.OnFastTick(in fast);
            metrics.OnFastTick(in miss);
            metrics.OnSlowTick(in slow);
            metrics.OnSlowTick(in skipped);
        }

        for (int i = 0; i < 1000; i++)
        {
            Tick();
        }

        (long allocated, int windows) = SteadyStateAllocation.Measure(_ => Tick(), 10_000);
        Assert.Equal(0, allocated);
        // Latency of the two head ticks and the completed update; the skipped trigger carries none.
        Assert.Equal(3_000 + (windows * 30_000), records);
        Assert.True(sum > 0);
    }

    /// <summary>Collects one meter's measurements on the calling thread.</summary>
    private sealed class Capture : IDisposable
    {
        public Capture(Meter meter)
        {
            Listener.InstrumentPublished = (i, l) =>
            {
                if (i.Meter == meter)
                {
                    l.EnableMeasurementEvents(i);
                }
            };
            Listener.SetMeasurementEventCallback<double>((i, v, tags, _) =>
            {
                if (i.Name == "multirate.tick.latency")
                {
                    Latencies.Add((Tag(tags), v));
                }
                else
                {
                    Gauges.Add(v);
                }
            });
            Listener.SetMeasurementEventCallback<long>((i, v, tags, _) =>
            {
                if (!Counts.TryGetValue(i.Name, out var list))
                {
                    Counts[i.Name] = list = [];
                }

                list.Add((Tag(tags), v));
            });
            Listener.Start();
        }

        public MeterListener Listener { get; } = new();

        public List<(string Tag, double Value)> Latencies { get; } = [];

        public List<double> Gauges { get; } = [];

        public Dictionary<string, List<(string Tag, long Value)>> Counts { get; } = [];

        public void Dispose() => Listener.Dispose();

        private static string Tag(ReadOnlySpan<KeyValuePair<string, object?>> tags) => tags.Length == 0 ? string.Empty : (string)tags[0].Value!;
    }
}
