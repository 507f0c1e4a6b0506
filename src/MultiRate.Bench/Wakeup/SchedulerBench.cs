using System.Diagnostics;
using System.Reactive.Concurrency;
using System.Reactive.Linq;
using System.Text.Json.Nodes;
using HdrHistogram;
using MultiRate.Scheduling.Diagnostics;
using MultiRate.Scheduling.RealTime;

namespace MultiRate.Bench.Wakeup;

/// <summary>
/// Wake-up error at a fixed rate: the runtime's real-time scheduler beside Rx's
/// <c>Observable.Interval</c> on an <see cref="EventLoopScheduler"/>, one after the other in one process.
/// </summary>
/// <remarks>
/// Error = time the work started minus the deadline it was booked for. For the runtime, the deadline
/// is the scheduler's booked one; for Rx it is the ideal <c>start + (n + 1) * period</c>, since
/// <c>Interval</c> promises one value per period and drift is part of its error.
/// </remarks>
public static class SchedulerBench
{
    /// <summary>Measures the runtime's scheduler, then Rx, for <paramref name="duration"/> each.</summary>
    /// <param name="period">The tick period.</param>
    /// <param name="duration">How long each clock runs.</param>
    /// <param name="spinMargin">The real-time scheduler's spin margin.</param>
    /// <returns>Both wake-up error histograms (ns) and the runtime's skipped periods.</returns>
    public static (LongHistogram Runtime, LongHistogram Rx, long RuntimeSkipped) Run(TimeSpan period, TimeSpan duration, TimeSpan spinMargin)
    {
        long samples = Math.Max(10, duration.Ticks / period.Ticks);
        var runtime = PrefaultedHistogram.Create(10_000_000_000L, 3);
        long skipped;
        using (var scheduler = new RealTimeScheduler(new RealTimeSchedulerOptions { SpinMargin = spinMargin, ThreadName = "bench-rt" }))
        using (var done = new ManualResetEventSlim())
        {
            long n = 0;
            using (scheduler.SchedulePeriodic(0, period, s =>
            {
                if (n++ >= 100)
                {
                    // The first 100 ticks warm up the JIT and the thread; they are not measured.
                    runtime.RecordValue(Math.Clamp(scheduler.CurrentLatenessNs, 0, 10_000_000_000L));
                }

                if (n >= samples + 100)
                {
                    done.Set();
                }

                return s;
            }))
            {
                done.Wait();
            }

            skipped = scheduler.SkippedPeriods;
        }

        var rx = PrefaultedHistogram.Create(10_000_000_000L, 3);
        using (var loop = new EventLoopScheduler())
        {
            long start = Stopwatch.GetTimestamp();
            long periodTicks = (long)(period.TotalSeconds * Stopwatch.Frequency);
            Observable.Interval(period, loop)
                .Take((int)samples + 100)
                .Do(i =>
                {
                    long ideal = start + ((i + 1) * periodTicks);
                    long errorNs = (long)((Stopwatch.GetTimestamp() - ideal) * (1e9 / Stopwatch.Frequency));
                    if (i >= 100)
                    {
                        rx.RecordValue(Math.Clamp(errorNs, 0, 10_000_000_000L));
                    }
                })
                .Wait();
        }

        return (runtime, rx, skipped);
    }

    /// <summary>The report of one run (the <c>bench scheduler --json</c> document).</summary>
    /// <param name="hz">The rate measured.</param>
    /// <param name="seconds">Seconds per clock.</param>
    /// <param name="spinMarginUs">The spin margin, us.</param>
    /// <param name="result">What <see cref="Run"/> returned.</param>
    /// <returns>The JSON report.</returns>
    public static JsonObject ToJson(double hz, double seconds, double spinMarginUs, (LongHistogram Runtime, LongHistogram Rx, long RuntimeSkipped) result) => new()
    {
        ["hz"] = hz,
        ["seconds_each"] = seconds,
        ["spin_margin_us"] = spinMarginUs,
        ["runtime"] = Stats(result.Runtime, result.RuntimeSkipped),
        ["rx_interval"] = Stats(result.Rx, null),
        ["p99_ratio"] = BenchJson.Round(P99Ratio(result.Runtime, result.Rx), 1),
    };

    /// <summary>Rx p99 / runtime p99.</summary>
    /// <param name="runtime">The runtime's wake-up errors, ns.</param>
    /// <param name="rx">Rx's wake-up errors, ns.</param>
    /// <returns>The ratio.</returns>
    public static double P99Ratio(LongHistogram runtime, LongHistogram rx)
    {
        ArgumentNullException.ThrowIfNull(runtime);
        ArgumentNullException.ThrowIfNull(rx);
        return rx.GetValueAtPercentile(99) / 1e3 / Math.Max(0.001, runtime.GetValueAtPercentile(99) / 1e3);
    }

    private static JsonObject Stats(LongHistogram h, long? skipped)
    {
        var o = new JsonObject
        {
            ["samples"] = h.TotalCount,
            ["p50_us"] = BenchJson.Round(h.GetValueAtPercentile(50) / 1e3),
            ["p99_us"] = BenchJson.Round(h.GetValueAtPercentile(99) / 1e3),
            ["p999_us"] = BenchJson.Round(h.GetValueAtPercentile(99.9) / 1e3),
            ["max_us"] = BenchJson.Round(h.GetMaxValue() / 1e3),
        };
        if (skipped is long s)
        {
            o["skipped_periods"] = s;
        }

        return o;
    }
}
