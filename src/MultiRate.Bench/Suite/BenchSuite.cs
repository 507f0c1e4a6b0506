using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json.Nodes;
using MultiRate.Bench.Diagnostics;
using MultiRate.Bench.Models;
using MultiRate.Bench.Overhead;
using MultiRate.Bench.Replay;
using MultiRate.Bench.Wakeup;

namespace MultiRate.Bench.Suite;

/// <summary>
/// Every performance figure (overhead, wake-up, replay) and the quick scheduler and models benches,
/// in one JSON document (<c>multirate bench all</c>).
/// </summary>
public static class BenchSuite
{
    /// <summary>Runs every bench in turn and returns the document.</summary>
    /// <param name="inputs">The files to measure with.</param>
    /// <param name="quick">Short runs (fewer blocks, one-second scheduler bench).</param>
    /// <param name="seconds">Seconds each clock of the wake-up bench runs.</param>
    /// <param name="progress">Told the name of each bench as it starts.</param>
    /// <returns>The <c>bench all</c> document.</returns>
    public static JsonObject Run(BenchSuiteInputs inputs, bool quick, double seconds, Action<string> progress)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(progress);
        var doc = new JsonObject
        {
            ["machine"] = new JsonObject
            {
                ["os"] = RuntimeInformation.OSDescription,
                ["cpus"] = Environment.ProcessorCount,
                ["runtime"] = RuntimeInformation.FrameworkDescription,
            },
            ["started_utc"] = DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture),
        };
        progress("overhead...");
        doc["overhead"] = OverheadBench.Measure(inputs.Rates, inputs.Config, quick
            ? new TickLoopOptions { Blocks = 6, TicksPerBlock = 2_000, WarmUpTicks = 2_000 }
            : new TickLoopOptions { Blocks = 20, TicksPerBlock = 10_000, WarmUpTicks = 10_000 });
        progress("wake-up...");
        doc["wakeup"] = WakeupBench.Measure(inputs.Rates, inputs.Config, TimeSpan.FromSeconds(seconds), TimeSpan.FromMicroseconds(200));
        progress("replay...");
        doc["replay"] = ReplayBench.Measure(inputs.ReplayRates, inputs.ReplayConfig, inputs.ReplayLog, 2, inputs.ReplayLogLabel);
        progress("scheduler (quick)...");
        double schedulerSeconds = quick ? 1 : 3;
        const double Hz = 1000, SpinMarginUs = 200;
        doc["scheduler"] = SchedulerBench.ToJson(Hz, schedulerSeconds, SpinMarginUs, SchedulerBench.Run(TimeSpan.FromSeconds(1 / Hz), TimeSpan.FromSeconds(schedulerSeconds), TimeSpan.FromMicroseconds(SpinMarginUs)));
        progress("models (quick)...");
        doc["models"] = ModelBenchmarks.Run(new ModelBenchmarkOptions { HeadSamples = 300, ContextSamples = 8, WarmUp = 50 }).ToJson();
        doc["finished_utc"] = DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture);
        return doc;
    }
}
