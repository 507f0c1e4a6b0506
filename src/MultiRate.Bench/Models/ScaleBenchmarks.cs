using System.Diagnostics;
using MultiRate.Core.Budgets;
using MultiRate.Core.Models;
using MultiRate.Core.Modules;
using MultiRate.Inference;
using MultiRate.Inference.ContextModule;

namespace MultiRate.Bench.Models;

/// <summary>
/// The headline at several parameter splits (<c>scales</c>), the head's latency by width on each
/// device (<c>head_by_width</c>) and the context's interference with the head (<c>interference</c>).
/// </summary>
/// <remarks>
/// Method: seeded models, warmed up, timed call by call with <see cref="Stopwatch"/> on the calling
/// thread (1 libtorch intra-op thread); nearest-rank p50/p99. A scale's dense tick is the context's
/// K steps then the head, back to back (Gato-style: every parameter every tick); its multirate tick
/// is the head alone. The highest rate is 1 / (p99 x safety). Interference: the head is timed
/// twice for the same number of ticks, first alone, then while another thread updates the context
/// at its rate (absolute-time sleeps between updates). Not thread-safe; one run at a time.
/// </remarks>
public static class ScaleBenchmarks
{
    /// <summary>One row per scale.</summary>
    public static IReadOnlyList<ScaleRow> Scales(ScaleBenchmarkOptions o)
    {
        ArgumentNullException.ThrowIfNull(o);
        var rows = new List<ScaleRow>();
        foreach (ModelScale s in o.Scales)
        {
            ModelConfig config = BenchModels.Config(o, s.HeadWidth, s.ContextDModel, o.Device);
            using IActionHead head = BenchModels.Head(o, config);
            using IContextModule context = BenchModels.Context(config);
            LatencyStats headTick = TimeHead(o, head, o.HeadSamples);
            LatencyStats dense = TimeDense(o, head, context);
            double multirateHz = RateHz(headTick, o.SafetyFactor);
            double denseHz = RateHz(dense, o.SafetyFactor);
            rows.Add(new ScaleRow(s.Name, PolicyFactory.DeviceOf(head), BenchModels.Parameters(context), BenchModels.Parameters(head), denseHz, multirateHz, denseHz > 0 ? multirateHz / denseHz : 0));
        }

        return rows;
    }

    /// <summary>Head latency by width on each device given (the CPU, and the GPU when there is one).</summary>
    public static IReadOnlyList<WidthRow> HeadByWidth(ScaleBenchmarkOptions o, IReadOnlyList<ComputeDevice> devices)
    {
        ArgumentNullException.ThrowIfNull(o);
        ArgumentNullException.ThrowIfNull(devices);
        var rows = new List<WidthRow>();
        foreach (ComputeDevice device in devices)
        {
            foreach (int width in o.Widths)
            {
                using IActionHead head = BenchModels.Head(o, BenchModels.Config(o, width, 64, device));
                // Wide heads take milliseconds per tick on a CPU: fewer samples keep the sweep short.
                int samples = width > 16384 ? Math.Max(50, o.HeadSamples / 4) : o.HeadSamples;
                rows.Add(new WidthRow(PolicyFactory.DeviceOf(head), width, BenchModels.Parameters(head), TimeHead(o, head, samples)));
            }
        }

        return rows;
    }

    /// <summary>The smallest width at which a non-CPU device's p50 beats the CPU's, or null (no other device, or never).</summary>
    public static int? Crossover(IReadOnlyList<WidthRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var cpu = rows.Where(r => r.Device == "cpu").ToDictionary(r => r.Width, r => r.Latency.P50Us);
        return rows.Where(r => r.Device != "cpu" && cpu.TryGetValue(r.Width, out double c) && r.Latency.P50Us < c)
            .Select(r => (int?)r.Width)
            .Min();
    }

    /// <summary>The default scale's head timed alone, then with its context updating concurrently at <see cref="ScaleBenchmarkOptions.ContextRateHz"/>.</summary>
    public static Interference Interference(ScaleBenchmarkOptions o)
    {
        ArgumentNullException.ThrowIfNull(o);
        ModelConfig config = BenchModels.Config(o, ModelScale.Default.HeadWidth, ModelScale.Default.ContextDModel, o.Device, InterferenceContextDevice(o.Device));
        using IActionHead head = BenchModels.Head(o, config);
        using IContextModule context = BenchModels.Context(config);
        return Interference(o, head, context);
    }

    /// <summary>
    /// <paramref name="head"/> timed alone, then with <paramref name="context"/> updating concurrently on
    /// another thread at <see cref="ScaleBenchmarkOptions.ContextRateHz"/> (K = the options' recursion).
    /// </summary>
    public static Interference Interference(ScaleBenchmarkOptions o, IActionHead head, IContextModule context)
    {
        ArgumentNullException.ThrowIfNull(o);
        ArgumentNullException.ThrowIfNull(head);
        ArgumentNullException.ThrowIfNull(context);
        context.WarmUp(2);
        LatencyStats alone = TimeHead(o, head, o.InterferenceSamples);
        using var stop = new CancellationTokenSource();
        int updates = 0;
        var worker = new Thread(() => updates = RunContext(o, context, stop.Token)) { IsBackground = true, Name = "bench context" };
        worker.Start();
        LatencyStats with;
        try
        {
            with = TimeHead(o, head, o.InterferenceSamples);
        }
        finally
        {
            stop.Cancel();
            worker.Join();
        }

        return new Interference(alone.P99Us, with.P99Us, alone.P99Us > 0 ? with.P99Us / alone.P99Us : 0, o.ContextRateHz, updates, PolicyFactory.DeviceOf(context));
    }

    /// <summary>
    /// Where the interference measurement's context runs: with the head on an ILGPU accelerator
    /// (cuda, or ilgpu-cpu), on that same accelerator, so the two contend for one device as they would
    /// on a robot with one GPU; with the head on the CPU, on the CPU.
    /// </summary>
    public static ComputeDevice InterferenceContextDevice(ComputeDevice headDevice) =>
        headDevice is ComputeDevice.Cuda or ComputeDevice.IlgpuCpu ? headDevice : ComputeDevice.Cpu;

    /// <summary>The method line: what was timed and how.</summary>
    public static string Method(ScaleBenchmarkOptions o)
    {
        ArgumentNullException.ThrowIfNull(o);
        return $"Scales: seeded head (one dense layer) and context (one weight-tied transformer block, d_model x4 feed-forward, K={o.Shape.Recursion}, " +
            $"history {o.Shape.History}); {o.WarmUp} warm-up calls, {o.HeadSamples} timed head ticks, {o.ContextSamples} timed dense ticks (context K steps + head, back to back); " +
            $"rate = 1 / (p99 x {o.SafetyFactor}); the context runs on the CPU with 1 libtorch thread, the head on the device named per row. " +
            $"Head by width: per device, timed per tick including the copies to and from the device. Interference: the default scale's head timed for " +
            $"{o.InterferenceSamples} ticks alone, then as many while another thread updates the context at {o.ContextRateHz} Hz " +
            $"{InterferencePlacement(InterferenceContextDevice(o.Device))}. " +
            "Shared machines are noisy: compare ratios within one run.";
    }

    private static LatencyStats TimeHead(ScaleBenchmarkOptions o, IActionHead head, int count)
    {
        float[] obs = new float[head.ObservationSize];
        float[] latent = new float[head.LatentSize];
        float[] action = new float[head.ActionSize];
        head.WarmUp(o.WarmUp);
        double[] samples = new double[count];
        for (int i = 0; i < samples.Length; i++)
        {
            obs[i % obs.Length] = (i % 13) * 0.1f;
            long t0 = Stopwatch.GetTimestamp();
            head.Act(obs, latent, 0.01f, action);
            samples[i] = Stopwatch.GetElapsedTime(t0).TotalMicroseconds;
        }

        return LatencyStats.FromSamples(samples);
    }

    private static LatencyStats TimeDense(ScaleBenchmarkOptions o, IActionHead head, IContextModule context)
    {
        float[] history = new float[context.HistoryLength * context.ObservationSize];
        float[] obs = new float[head.ObservationSize];
        float[] action = new float[head.ActionSize];
        float[] zeros = new float[head.LatentSize];
        context.WarmUp(1);
        double[] samples = new double[o.ContextSamples];
        for (int i = 0; i < samples.Length; i++)
        {
            long t0 = Stopwatch.GetTimestamp();
            ContextResult r = context.Update(new ContextRequest(i, i, history, context.HistoryLength, null, AnytimeBudget.FixedSteps(o.Shape.Recursion)));
            head.Act(obs, r.Latent ?? zeros, 0f, action);
            samples[i] = Stopwatch.GetElapsedTime(t0).TotalMicroseconds;
        }

        return LatencyStats.FromSamples(samples);
    }

    private static int RunContext(ScaleBenchmarkOptions o, IContextModule context, CancellationToken stop)
    {
        float[] history = new float[context.HistoryLength * context.ObservationSize];
        long period = (long)(Stopwatch.Frequency / o.ContextRateHz);
        long next = Stopwatch.GetTimestamp();
        int n = 0;
        while (!stop.IsCancellationRequested)
        {
            context.Update(new ContextRequest(n, n, history, context.HistoryLength, null, AnytimeBudget.FixedSteps(o.Shape.Recursion)));
            n++;
            next += period;
            long wait = next - Stopwatch.GetTimestamp();
            if (wait > 0)
            {
                stop.WaitHandle.WaitOne(TimeSpan.FromSeconds((double)wait / Stopwatch.Frequency));
            }
        }

        return n;
    }

    private static string InterferencePlacement(ComputeDevice context) => context == ComputeDevice.Cpu
        ? "(context on the CPU)"
        : $"(context on the head's own accelerator, {(context == ComputeDevice.Cuda ? "cuda" : "ilgpu-cpu")}: one shared ILGPU accelerator, the head on the highest-priority stream, " +
            "the context on the lowest, waiting on its stream after each recursion step)";

    private static double RateHz(LatencyStats stats, double safety) => stats.P99Us <= 0 ? 0 : 1e6 / (stats.P99Us * safety);
}
