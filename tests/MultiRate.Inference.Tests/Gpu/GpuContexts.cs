using MultiRate.Core.Budgets;
using MultiRate.Core.Latent;
using MultiRate.Core.Models;
using MultiRate.Core.Modules;
using MultiRate.Inference.ContextModule;
using MultiRate.Inference.Gpu.Context;

namespace MultiRate.Inference.Tests.Gpu;

/// <summary>Pairs of context modules on the same parameters: the CPU path and the device kernels on ILGPU's CPU accelerator.</summary>
internal static class GpuContexts
{
    /// <summary>Small shapes: ILGPU's CPU accelerator runs every kernel thread by thread.</summary>
    public static ModelConfig Config(int heads = 2, int recursion = 4, int seed = 7, int dModel = 16, int history = 5) =>
        TestModels.Config(seed: seed) with
        {
            Context = new ContextConfig { DModel = dModel, Heads = heads, FeedForward = 2 * dModel, Recursion = recursion, History = history, LatentDim = 6 },
        };

    public static TorchContextModule Cpu(ModelConfig config, int upstream = 0) =>
        (TorchContextModule)PolicyFactory.CreateContext(config with { Context = config.Context with { Device = ComputeDevice.Cpu } }, upstream);

    public static GpuContextModule IlgpuCpu(ModelConfig config, int upstream = 0) =>
        (GpuContextModule)PolicyFactory.CreateContext(config with { Context = config.Context with { Device = ComputeDevice.IlgpuCpu } }, upstream);

    public static ContextRequest Request(IContextModule module, float[] history, float[]? upstream, AnytimeBudget budget, int rows = -1) =>
        new(1, 1_000_000, history, rows < 0 ? module.HistoryLength : rows, upstream is null ? null : new LatentSnapshot(1, 1, 0, 0, 1, upstream), budget);

    /// <summary>Runs one update and returns its latent, asserting it succeeded.</summary>
    public static float[] Latent(IContextModule module, float[] history, float[]? upstream, AnytimeBudget budget, int rows = -1)
    {
        ContextResult result = module.Update(Request(module, history, upstream, budget, rows));
        Xunit.Assert.Equal(ModuleOutcome.Ok, result.Outcome);
        return result.Latent!;
    }
}
