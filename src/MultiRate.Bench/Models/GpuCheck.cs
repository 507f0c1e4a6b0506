using System.Diagnostics;
using MultiRate.Core.Models;
using MultiRate.Core.Modules;
using MultiRate.Inference;

namespace MultiRate.Bench.Models;

/// <summary>
/// The GPU equivalence check where there is no <c>dotnet test</c>: every head variant on the
/// device against the CPU head on the same seeded weights, over random inputs, with the same
/// tolerance as the equivalence tests; plus the device head's managed allocation per tick.
/// </summary>
public static class GpuCheck
{
    /// <summary>Largest allowed |device - cpu| per action, in units of the action's half range (as the tests).</summary>
    public const double Tolerance = 1e-5;

    private static readonly (string Name, int Experts, int TopK, int[] Hidden, bool Age)[] Variants =
    [
        ("dense, hidden [256]", 0, 1, [256], true),
        ("dense, hidden [512, 256]", 0, 1, [512, 256], true),
        ("dense, hidden [4096], no age features", 0, 1, [4096], false),
        ("moe 8 experts top-1, hidden [256]", 8, 1, [256], true),
        ("moe 8 experts top-2, hidden [128, 64]", 8, 2, [128, 64], true),
    ];

    /// <summary>Runs every variant with the head on <paramref name="device"/> (cuda, or ilgpu-cpu to try the check here).</summary>
    public static IReadOnlyList<GpuCheckResult> Run(ComputeDevice device, int samples)
    {
        var results = new List<GpuCheckResult>();
        foreach (var v in Variants)
        {
            results.Add(Check(device, v.Name, v.Experts, v.TopK, v.Hidden, v.Age, samples));
        }

        return results;
    }

    /// <summary>Where a head on <paramref name="device"/> runs (the device's name).</summary>
    public static string DeviceName(ComputeDevice device)
    {
        using IActionHead head = Create(Config(0, 1, [8], true, device));
        return PolicyFactory.DeviceOf(head);
    }

    private static GpuCheckResult Check(ComputeDevice device, string name, int experts, int topK, int[] hidden, bool age, int samples)
    {
        using IActionHead cpu = Create(Config(experts, topK, hidden, age, ComputeDevice.Cpu));
        using IActionHead gpu = Create(Config(experts, topK, hidden, age, device));
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
        return new GpuCheckResult(name, samples, worst, ok && worst <= Tolerance, bytes, LatencyStats.FromSamples(times).P50Us);
    }

    private static void Fill(Random random, float[] values, float scale)
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
            Head = [.. Enumerable.Range(0, 45).Select(i => $"/obs.{i}")], // 45 + 64 + 2: not a multiple of the kernels' 8 lanes
            Context = ["/obs.0"],
        },
        Head = new HeadConfig { Hidden = hidden, Experts = experts, TopK = topK, AgeFeatures = age, Device = device },
        Context = new ContextConfig { LatentDim = 64, Device = ComputeDevice.Cpu },
    };

    private static IActionHead Create(ModelConfig config) =>
        PolicyFactory.CreateHead(config, 7, [.. Enumerable.Repeat(-1.0, 7)], [.. Enumerable.Repeat(1.0, 7)]);
}
