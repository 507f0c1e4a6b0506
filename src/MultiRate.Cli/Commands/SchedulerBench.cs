using System.Diagnostics;
using System.Reactive.Concurrency;
using System.Reactive.Linq;
using HdrHistogram;
using MultiRate.Scheduling.Diagnostics;
using MultiRate.Scheduling.RealTime;

namespace MultiRate.Cli.Commands;

/// <summary>
/// Wake-up error at a fixed rate: the runtime's real-time scheduler beside Rx's
/// <c>Observable.Interval</c> on an <see cref="EventLoopScheduler"/>, one after the other in one process.
/// </summary>
/// <remarks>
/// Error = time the work started minus the deadline it was booked for. For the runtime, the deadline
/// is the scheduler's booked one; for Rx it is the ideal <c>start + (n + 1) * period</c>, since
/// <c>Interval</c> promises one value per period and drift is part of its error.
/// </remarks>
internal static class SchedulerBench
{
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
}
