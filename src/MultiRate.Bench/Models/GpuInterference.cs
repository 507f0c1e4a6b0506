using MultiRate.Core.Models;
using MultiRate.Core.Modules;
using MultiRate.Inference.Gpu;

namespace MultiRate.Bench.Models;

/// <summary>
/// The interference measurement of <c>bench models</c> on parameters drawn in managed code: the
/// default scale's head and context (<see cref="ModelScale.Default"/>, the options' shape), both on one
/// device's shared accelerator (the head's stream at the highest priority, the context's at the
/// lowest). Needs no TorchSharp, so a GPU machine whose libtorch does not match TorchSharp's still
/// measures it.
/// </summary>
public static class GpuInterference
{
    private const ulong HeadSeed = 0x5EED_0011;
    private const ulong ContextSeed = 0x5EED_0012;

    /// <summary>The head alone, then with the context updating at the options' rate; both on <paramref name="device"/> (cuda or ilgpu-cpu).</summary>
    public static Interference Run(ComputeDevice device, ScaleBenchmarkOptions o)
    {
        ArgumentNullException.ThrowIfNull(o);
        (int observation, int latent, int action, int history, _) = o.Shape;
        ModelScale scale = ModelScale.Default;
        int d = scale.ContextDModel;
        using IActionHead head = SeededDeviceHead.Create(device, HeadSeed, observation, latent, ageFeatures: true, [scale.HeadWidth], action, experts: 0, topK: 1);
        using IContextModule context = SeededDeviceContext.Create(device, ContextSeed, observation, history, 0, d, Math.Max(1, d / 64), 4 * d, latent);
        return ScaleBenchmarks.Interference(o, head, context);
    }

    /// <summary>The method sentence for <c>bench gpu</c>'s <c>interference</c>.</summary>
    public static string Method(ScaleBenchmarkOptions o)
    {
        ArgumentNullException.ThrowIfNull(o);
        ModelScale scale = ModelScale.Default;
        return $"interference: seeded head (one dense layer of {scale.HeadWidth}) timed for {o.InterferenceSamples} ticks alone, then as many while another thread " +
            $"updates a seeded context (d_model {scale.ContextDModel}, K={o.Shape.Recursion}, history {o.Shape.History}) at {o.ContextRateHz} Hz on the same shared accelerator " +
            "(head stream at the highest priority, context stream at the lowest, a wait on the context's stream after each recursion step); p99 per tick, copies included.";
    }
}
