using System.Diagnostics;
using MultiRate.Core.Budgets;
using MultiRate.Core.Latent;
using MultiRate.Core.Models;
using MultiRate.Core.Modules;
using MultiRate.Inference;

namespace MultiRate.Bench.Models;

/// <summary>
/// The context half of the GPU check where there is no <c>dotnet test</c>: context shapes on the
/// device against the CPU context (fixed-order kernels) on the same seeded weights, over random
/// histories, plus the device context's update time.
/// </summary>
/// <remarks>
/// The context's parameters come from TorchSharp's seeded init (there is no managed draw for the
/// transformer block), so this half runs only when TorchSharp's native layer loads; otherwise it
/// is skipped and the check says so.
/// </remarks>
public static class GpuContextCheck
{
    /// <summary>
    /// Largest |device - cpu| per latent value. Ten times the tests' 1e-5 on ILGPU's CPU accelerator:
    /// on a GPU the PTX assembler may fuse a product and a sum into one FMA (one rounding instead of
    /// two) and the exp differs, so the device can differ from the CPU by more than the CPU
    /// accelerator does; a wrong operation is still off by 1e-2 or more.
    /// </summary>
    public const double Tolerance = 1e-4;

    private const int ObservationSize = 9;

    private static readonly (int DModel, int Heads, int History, int Recursion, int Upstream)[] Shapes =
    [
        (64, 4, 16, 6, 0),
        (128, 2, 16, 8, 32),
        (256, 4, 8, 4, 0),
    ];

    /// <summary>Runs every shape with the context on <paramref name="device"/> (cuda, or ilgpu-cpu to try the check here).</summary>
    public static IReadOnlyList<GpuContextCheckResult> Run(ComputeDevice device, int samples)
    {
        var results = new List<GpuContextCheckResult>();
        foreach (var s in Shapes)
        {
            results.Add(Check(device, s.DModel, s.Heads, s.History, s.Recursion, s.Upstream, samples));
        }

        return results;
    }

    private static GpuContextCheckResult Check(ComputeDevice device, int dModel, int heads, int history, int steps, int upstream, int samples)
    {
        string name = $"d_model {dModel}, {heads} heads, history {history}, K {steps}" + (upstream > 0 ? $", upstream {upstream}" : string.Empty);
        using IContextModule cpu = PolicyFactory.CreateContext(Config(dModel, heads, history, steps, ComputeDevice.Cpu), upstream);
        using IContextModule gpu = PolicyFactory.CreateContext(Config(dModel, heads, history, steps, device), upstream);
        var random = new Random(23);
        float[] rows = new float[history * ObservationSize];
        float[] up = new float[upstream];
        double worst = 0;
        bool ok = true;
        for (int i = 0; i < samples; i++)
        {
            Fill(random, rows, 3f);
            Fill(random, up, 2f);
            ContextResult a = cpu.Update(Request(rows, history, up, steps));
            ContextResult b = gpu.Update(Request(rows, history, up, steps));
            ok &= a.Outcome == ModuleOutcome.Ok && b.Outcome == ModuleOutcome.Ok && a.RecursionSteps == b.RecursionSteps;
            if (a.Latent is { } x && b.Latent is { } y)
            {
                for (int k = 0; k < x.Length; k++)
                {
                    worst = Math.Max(worst, Math.Abs(x[k] - y[k]));
                }
            }
        }

        gpu.WarmUp(3);
        const int Updates = 20;
        double[] times = new double[Updates];
        for (int i = 0; i < Updates; i++)
        {
            long t0 = Stopwatch.GetTimestamp();
            gpu.Update(Request(rows, history, up, steps));
            times[i] = Stopwatch.GetElapsedTime(t0).TotalMicroseconds;
        }

        return new GpuContextCheckResult(name, samples, worst, ok && worst <= Tolerance, LatencyStats.FromSamples(times).P50Us);
    }

    private static ContextRequest Request(float[] rows, int history, float[] upstream, int steps) =>
        new(0, 0, rows, history, upstream.Length > 0 ? new LatentSnapshot(1, 0, 0, 0, steps, (float[])upstream.Clone()) : null, AnytimeBudget.FixedSteps(steps));

    private static void Fill(Random random, float[] values, float scale)
    {
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = (float)((random.NextDouble() * 2) - 1) * scale;
        }
    }

    private static ModelConfig Config(int dModel, int heads, int history, int steps, ComputeDevice device) => new()
    {
        Name = "gpu-context-check",
        Seed = 9,
        Inputs = new ModelInputs { Head = ["/obs.0"], Context = [.. Enumerable.Range(0, ObservationSize).Select(i => $"/obs.{i}")] },
        Head = new HeadConfig { Hidden = [8], Device = ComputeDevice.Cpu },
        Context = new ContextConfig { DModel = dModel, Heads = heads, FeedForward = 4 * dModel, Recursion = steps, History = history, LatentDim = 32, Device = device },
    };
}
