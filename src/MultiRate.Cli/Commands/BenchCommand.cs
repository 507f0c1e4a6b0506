using System.Globalization;
using HdrHistogram;
using MultiRate.Cli.CommandLine.Args;
using MultiRate.Cli.Infrastructure;
using MultiRate.Bench.Wakeup;
using Spectre.Console;

namespace MultiRate.Cli.Commands;

/// <summary><c>multirate bench scheduler</c>: runs <see cref="SchedulerBench"/> (the runtime's real-time scheduler beside Rx <c>Observable.Interval</c>) and prints it.</summary>
internal static class BenchCommand
{
    public static int Scheduler(SchedulerBenchArgs a, TextWriter stdout, IAnsiConsole console)
    {
        double hz = a.Hz ?? 1000;
        double seconds = a.Seconds ?? (a.Quick ? 1 : 5);
        double margin = a.SpinMarginUs ?? 200;
        if (!a.Json)
        {
            console.MarkupLine($"Measuring wake-up error at {hz} Hz for {seconds} s each: runtime scheduler, then Rx Observable.Interval on an EventLoopScheduler...");
        }

        (LongHistogram runtime, LongHistogram rx, long skipped) = SchedulerBench.Run(TimeSpan.FromSeconds(1 / hz), TimeSpan.FromSeconds(seconds), TimeSpan.FromMicroseconds(margin));
        double ratio = SchedulerBench.P99Ratio(runtime, rx);
        if (a.Json)
        {
            Json.Write(stdout, SchedulerBench.ToJson(hz, seconds, margin, (runtime, rx, skipped)));
            return 0;
        }

        var table = new Table().AddColumns("wake-up error (us)", "samples", "p50", "p99", "p99.9", "max");
        table.AddRow("MultiRate real-time scheduler", runtime.TotalCount.ToString(CultureInfo.InvariantCulture), F(P(runtime, 50)), F(P(runtime, 99)), F(P(runtime, 99.9)), F(runtime.GetMaxValue() / 1e3));
        table.AddRow("Rx Observable.Interval (EventLoopScheduler)", rx.TotalCount.ToString(CultureInfo.InvariantCulture), F(P(rx, 50)), F(P(rx, 99)), F(P(rx, 99.9)), F(rx.GetMaxValue() / 1e3));
        console.Write(table);
        console.WriteLine($"p99 ratio (Rx / runtime): {ratio.ToString("0.0", CultureInfo.InvariantCulture)}x; runtime skipped periods: {skipped}");
        return 0;
    }

    private static double P(LongHistogram h, double p) => h.GetValueAtPercentile(p) / 1e3;

    private static string F(double v) => v.ToString("0.0", CultureInfo.InvariantCulture);
}
