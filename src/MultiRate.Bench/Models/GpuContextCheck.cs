using System.Diagnostics;
using MultiRate.Core.Budgets;
using MultiRate.Core.Latent;
using MultiRate.Core.Models;
using MultiRate.Core.Modules;
using MultiRate.Inference;
using MultiRate.Inference.Gpu;

namespace MultiRate.Bench.Models;

/// <summary>
/// The context half of the GPU check where there is no <c>dotnet test</c>: context shapes on the
/// device against the CPU context (fixed-order kernels) on the same seeded weights, over random
/// histories, plus the device context's update time.
/// </summary>
/// <remarks>
/// Like the head's half: where TorchSharp's native layer does not load, both contexts are built from
/// parameters drawn in managed code (<see cref="SeededDeviceContext"/>) and the reference is the same
/// kernels on ILGPU's CPU accelerator; the test suite holds those to the CPU context on every run.
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
    private const int LatentSize = 32;
    private const ulong Seed = 0x5EED_0009;

    private static readonly (int DModel, int Heads, int History, int Recursion, int Upstream)[] Shapes =
    [
        (64, 4, 16, 6, 0),
        (128, 2, 16, 8, 32),
        (256, 4, 8, 4, 0),
    ];

    /// <summary>
    /// Runs every shape with the context on <paramref name="device"/> (cuda, or ilgpu-cpu to try the
    /// check here) against <paramref name="reference"/>: the CPU context (fixed-order kernels, TorchSharp's
    /// seeded init) for <see cref="GpuCheck.TorchReference"/>, else the same kernels on ILGPU's CPU
    /// accelerator, both contexts on parameters drawn in managed code.
    /// </summary>
    public static IReadOnlyList<GpuContextCheckResult> Run(ComputeDevice device, int samples, string reference)
    {
        var results = new List<GpuContextCheckResult>();
        foreach (var s in Shapes)
        {
            results.Add(Check(device, reference, s.DModel, s.Heads, s.History, s.Recursion, s.Upstream, samples));
        }

        return results;
    }

    private static GpuContextCheckResult Check(ComputeDevice device, string reference, int dModel, int heads, int history, int steps, int upstream, int samples)
    {
        string name = $"d_model {dModel}, {heads} heads, history {history}, K {steps}" + (upstream > 0 ? $", upstream {upstream}" : string.Empty);
        using IContextModule cpu = Create(reference == GpuCheck.TorchReference ? ComputeDevice.Cpu : ComputeDevice.IlgpuCpu, reference, dModel, heads, history, steps, upstream);
        using IContextModule gpu = Create(device, reference, dModel, heads, history, steps, upstream);
        var random = new Random(23);
        float[] rows = new float[history * ObservationSize];
        float[] up = new float[upstream];
        double worst = 0;
        bool ok = true;
        for (int i = 0; i < samples; i++)
        {
            GpuCheck.Fill(random, rows, 3f);
            GpuCheck.Fill(random, up, 2f);
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

    /// <summary>A context: through PolicyFactory (TorchSharp's seeded init) with the torch reference, else from managed seeded parameters.</summary>
    private static IContextModule Create(ComputeDevice device, string reference, int dModel, int heads, int history, int steps, int upstream) =>
        reference == GpuCheck.TorchReference
            ? PolicyFactory.CreateContext(Config(dModel, heads, history, steps, device), upstream)
            : SeededDeviceContext.Create(device, Seed, ObservationSize, history, upstream, dModel, heads, 4 * dModel, LatentSize);

    private static ModelConfig Config(int dModel, int heads, int history, int steps, ComputeDevice device) => new()
    {
        Name = "gpu-context-check",
        Seed = 9,
        Inputs = new ModelInputs { Head = ["/obs.0"], Context = [.. Enumerable.Range(0, ObservationSize).Select(i => $"/obs.{i}")] },
        Head = new HeadConfig { Hidden = [8], Device = ComputeDevice.Cpu },
        Context = new ContextConfig { DModel = dModel, Heads = heads, FeedForward = 4 * dModel, Recursion = steps, History = history, LatentDim = LatentSize, Device = device },
    };
}
