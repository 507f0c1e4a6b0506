using MultiRate.Core.Models;
using MultiRate.Inference.ActionHead;
using MultiRate.Inference.Gpu;

namespace MultiRate.Inference.Tests.Gpu;

/// <summary>Pairs of heads on the same parameters: the CPU head and the device head on ILGPU's CPU accelerator.</summary>
internal static class GpuHeads
{
    public static ModelConfig Config(int experts = 0, int topK = 1, int[]? hidden = null, bool ageFeatures = true, int seed = 11, string? weights = null) =>
        TestModels.Config(seed: seed, experts: experts, topK: topK, hidden: hidden, weights: weights) with
        {
            Head = new HeadConfig { Hidden = hidden ?? [32], Experts = experts, TopK = topK, AgeFeatures = ageFeatures },
        };

    public static TorchActionHead Cpu(ModelConfig config) => TestModels.Head(config);

    public static GpuActionHead IlgpuCpu(ModelConfig config) =>
        (GpuActionHead)PolicyFactory.CreateHead(config with { Head = config.Head with { Device = ComputeDevice.IlgpuCpu } }, TestModels.Min.Length, TestModels.Min, TestModels.Max);
}
