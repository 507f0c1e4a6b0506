using System.Diagnostics;
using MultiRate.Core.Models;
using MultiRate.Core.Modules;
using MultiRate.Inference;
using MultiRate.Inference.Gpu;
using MultiRate.Inference.Runtime;

namespace MultiRate.Bench.Models;

/// <summary>
/// The GPU equivalence check where there is no <c>dotnet test</c>: every head variant on the
/// device against a reference head on the same seeded weights, over random inputs, with the same
/// tolerance as the equivalence tests; plus the device head's managed allocation per tick and its
/// tick time by width.
/// </summary>
/// <remarks>
/// The reference is the TorchSharp CPU head when TorchSharp's native layer loads. Where it does not
/// (a GPU machine whose only libtorch is another version's), the reference is the same kernels on
/// ILGPU's CPU accelerator, with parameters drawn in managed code: the test suite checks those
/// kernels against the TorchSharp head in CI, so the chain still ends at the CPU head.
/// </remarks>
public static class GpuCheck
{
    /// <summary>Largest allowed |device - cpu| per action, in units of the action's half range (as the tests).</summary>
    public const double Tolerance = 1e-5;

    /// <summary>The reference when TorchSharp loads: the TorchSharp CPU head.</summary>
    public const string TorchReference = "torch-cpu";

    /// <summary>The reference when it does not: the same kernels on ILGPU's CPU accelerator.</summary>
    public const string IlgpuReference = "ilgpu-cpu";

    private const int ObservationSize = 45;
    private const int LatentSize = 64;
    private const int ActionSize = 7;
    private const ulong Seed = 0x5EED_0005;

    private static readonly (string Name, int Experts, int TopK, int[] Hidden, bool Age)[] Variants =
    [
        ("dense, hidden [256]", 0, 1, [256], true),
        ("dense, hidden [512, 256]", 0, 1, [512, 256], true),
        ("dense, hidden [4096], no age features", 0, 1, [4096], false),
        ("moe 8 experts top-1, hidden [256]", 8, 1, [256], true),
        ("moe 8 experts top-2, hidden [128, 64]", 8, 2, [128, 64], true),
    ];

    /// <summary>The reference head: <c>torch-cpu</c> when TorchSharp's native layer loads, else <c>ilgpu-cpu</c>.</summary>
    public static string Reference()
    {
        try
        {
            TorchRuntime.EnsureLoaded();
            return TorchReference;
        }
        catch (TorchRuntimeException)
        {
            return IlgpuReference;
        }
    }

    /// <summary>Runs every variant with the head on <paramref name="device"/> (cuda, or ilgpu-cpu to try the check here) against <paramref name="reference"/>.</summary>
    public static IReadOnlyList<GpuCheckResult> Run(ComputeDevice device, int samples, string reference)
    {
        var results = new List<GpuCheckResult>();
        foreach (var v in Variants)
        {
            results.Add(Check(device, reference, v.Name, v.Experts, v.TopK, v.Hidden, v.Age, samples));
        }

        return results;
    }

    /// <summary>Where a head on <paramref name="device"/> runs (the device's name).</summary>
    public static string DeviceName(ComputeDevice device, string reference)
    {
        using IActionHead head = Create(device, reference, 0, 1, [8], true);
        return PolicyFactory.DeviceOf(head);
    }

    /// <summary>
    /// The device head's tick (copies to and from the device included) by hidden width: one layer of
    /// each width from 256 up to <paramref name="maxWidth"/>, in powers of 4; seeded parameters, no TorchSharp.
    /// </summary>
    public static IReadOnlyList<GpuWidthResult> Widths(ComputeDevice device, int maxWidth, int ticks)
    {
        var rows = new List<GpuWidthResult>();
        float[] obs = new float[ObservationSize];
        float[] latent = new float[LatentSize];
        float[] action = new float[ActionSize];
        for (int width = 256; width <= maxWidth; width *= 4)
        {
            using IActionHead head = SeededDeviceHead.Create(device, Seed, ObservationSize, LatentSize, true, [width], ActionSize, 0, 1);
            head.WarmUp(20);
            double[] times = new double[ticks];
            for (int i = 0; i < ticks; i++)
            {
                obs[i % obs.Length] = (i % 11) * 0.1f;
                long t0 = Stopwatch.GetTimestamp();
                head.Act(obs, latent, 0.01f, action);
                times[i] = Stopwatch.GetElapsedTime(t0).TotalMicroseconds;
            }

            LatencyStats stats = LatencyStats.FromSamples(times);
            rows.Add(new GpuWidthResult(width, ModuleParameters.Count(head), stats.P50Us, stats.P99Us));
        }

        return rows;
    }

    private static GpuCheckResult Check(ComputeDevice device, string reference, string name, int experts, int topK, int[] hidden, bool age, int samples)
    {
        using IActionHead cpu = Create(reference == TorchReference ? ComputeDevice.Cpu : ComputeDevice.IlgpuCpu, reference, experts, topK, hidden, age);
        using IActionHead gpu = Create(device, reference, experts, topK, hidden, age);
        var random = new Random(17);
        float[] obs = new float[cpu.ObservationSize];
        float[] latent = new float[cpu.LatentSize];
        float[] a = new float[cpu.ActionSize];
        float[] b = new float[gpu.ActionSize];
        double worst = 0;
        bool ok = true;
        for (int i = 0; i < samples; i++)
        {
            Fill(random, obs, 3f);
            Fill(random, latent, 2f);
            float ageSeconds = (float)random.NextDouble() * 2f;
            ok &= cpu.Act(obs, latent, ageSeconds, a) == ModuleOutcome.Ok;
            ok &= gpu.Act(obs, latent, ageSeconds, b) == ModuleOutcome.Ok;
            for (int k = 0; k < a.Length; k++)
            {
                worst = Math.Max(worst, Math.Abs(a[k] - b[k])); // limits are -1..1: half range 1
            }
        }

        gpu.WarmUp(50);
        const int Ticks = 500;
        double[] times = new double[Ticks];
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < Ticks; i++)
        {
            long t0 = Stopwatch.GetTimestamp();
            gpu.Act(obs, latent, 0.01f, b);
            times[i] = Stopwatch.GetElapsedTime(t0).TotalMicroseconds;
        }

        double bytes = (GC.GetAllocatedBytesForCurrentThread() - before) / (double)Ticks;
        return new GpuCheckResult(name, samples, worst, ok && worst <= Tolerance, bytes, LatencyStats.FromSamples(times).P50Us) { Reference = reference };
    }

    /// <summary>Uniform values in [-scale, scale): the checks' random inputs.</summary>
    internal static void Fill(Random random, float[] values, float scale)
    {
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = (float)((random.NextDouble() * 2) - 1) * scale;
        }
    }

    private static ModelConfig Config(int experts, int topK, int[] hidden, bool age, ComputeDevice device) => new()
    {
        Name = "gpu-check",
        Seed = 5,
        Inputs = new ModelInputs
        {
            Head = [.. Enumerable.Range(0, ObservationSize).Select(i => $"/obs.{i}")], // 45 + 64 + 2: not a multiple of the kernels' 8 lanes
            Context = ["/obs.0"],
        },
        Head = new HeadConfig { Hidden = hidden, Experts = experts, TopK = topK, AgeFeatures = age, Device = device },
        Context = new ContextConfig { LatentDim = LatentSize, Device = ComputeDevice.Cpu },
    };

    /// <summary>A head: through PolicyFactory (TorchSharp's seeded init) with the torch reference, else from managed seeded parameters.</summary>
    private static IActionHead Create(ComputeDevice device, string reference, int experts, int topK, int[] hidden, bool age) => reference == TorchReference
        ? PolicyFactory.CreateHead(Config(experts, topK, hidden, age, device), ActionSize, [.. Enumerable.Repeat(-1.0, ActionSize)], [.. Enumerable.Repeat(1.0, ActionSize)])
        : SeededDeviceHead.Create(device, Seed, ObservationSize, LatentSize, age, hidden, ActionSize, experts, topK);
}
