using CsCheck;
using MultiRate.Core.Models;
using MultiRate.Core.Modules;
using MultiRate.Inference.ActionHead;
using MultiRate.Inference.Gpu;
using MultiRate.Inference.Weights;
using MultiRate.Inference.Tests.Weights;
using TorchSharp;
using Xunit;

namespace MultiRate.Inference.Tests.Gpu;

/// <summary>
/// The device head's kernels on ILGPU's CPU accelerator against the CPU head on the same weights,
/// over random inputs, for every head variant: dense with one or two hidden layers (ReLU), a
/// mixture of experts with top-1 and top-2 routing, with and without the age features, input
/// widths that are and are not a multiple of the kernels' eight lanes. (The head has one hidden
/// activation, ReLU, and tanh on the output; both are covered by every variant.)
/// Tolerance: each action within 1e-5 of its half range (max - min) / 2, i.e. 1e-5 relative to
/// the action scale: the output layer's sum is reduced in a different order on the device.
/// </summary>
public sealed class GpuActionHeadEquivalenceTests
{
    private const double Tolerance = 1e-5;

    public static TheoryData<int, int, int[], bool> Variants => new()
    {
        { 0, 1, [32], true },
        { 0, 1, [48, 24], true },
        { 0, 1, [37], false },
        { 4, 1, [32], true },
        { 4, 2, [24, 16], true },
        { 6, 3, [20], false },
    };

    [Theory]
    [MemberData(nameof(Variants))]
    public void Act_RandomInputs_MatchesCpuHeadWithinTolerance(int experts, int topK, int[] hidden, bool ageFeatures)
    {
        ModelConfig config = GpuHeads.Config(experts, topK, hidden, ageFeatures);
        using TorchActionHead cpu = GpuHeads.Cpu(config);
        using GpuActionHead gpu = GpuHeads.IlgpuCpu(config);
        AssertEquivalent(cpu, gpu);
    }

    [Fact]
    public void CreateHead_SafetensorsWeights_DeviceHeadReadsTheSameWeights()
    {
        using var dir = new TempDir();
        ModelConfig seeded = GpuHeads.Config(experts: 3, topK: 1, hidden: [24]);
        using (TorchActionHead source = GpuHeads.Cpu(seeded with { Seed = 99 }))
        {
            using var scope = torch.NewDisposeScope();
            SafetensorsWriter.Write(Path.Combine(dir.Path, "head.safetensors"), SafetensorsWriter.FromStateDict(source.Net.state_dict(), string.Empty));
        }

        ModelConfig loaded = seeded with { Weights = dir.Path };
        using TorchActionHead cpu = GpuHeads.Cpu(loaded);
        using TorchActionHead seededCpu = GpuHeads.Cpu(seeded);
        using GpuActionHead gpu = GpuHeads.IlgpuCpu(loaded);
        float[] fromFile = TestModels.Act(cpu);
        Assert.NotEqual(fromFile, TestModels.Act(seededCpu)); // the file's weights, not the seeded init
        AssertEquivalent(cpu, gpu);
    }

    [Fact]
    public void Act_NaNObservation_ReportsNonFiniteAndStaysInLimits()
    {
        using GpuActionHead gpu = GpuHeads.IlgpuCpu(GpuHeads.Config(experts: 4, topK: 2));
        float[] obs = TestModels.Observation(gpu.ObservationSize);
        obs[1] = float.NaN;
        float[] action = new float[gpu.ActionSize];
        ModuleOutcome outcome = gpu.Act(obs, new float[gpu.LatentSize], 0.01f, action);
        Assert.Equal(ModuleOutcome.NonFinite, outcome);
    }

    [Fact]
    public void Act_WrongObservationLength_IsFaultedNotThrown()
    {
        using GpuActionHead gpu = GpuHeads.IlgpuCpu(GpuHeads.Config());
        Assert.Equal(ModuleOutcome.Faulted, gpu.Act(new float[gpu.ObservationSize + 1], new float[gpu.LatentSize], 0f, new float[gpu.ActionSize]));
    }

    [Fact]
    public void LaunchesPerTick_DenseAndMoe_OnePerLayerPlusTheGate()
    {
        using GpuActionHead dense = GpuHeads.IlgpuCpu(GpuHeads.Config(hidden: [16]));
        using GpuActionHead moe = GpuHeads.IlgpuCpu(GpuHeads.Config(experts: 4, topK: 2, hidden: [16, 8]));
        Assert.Equal(2, dense.LaunchesPerTick);
        Assert.Equal(4, moe.LaunchesPerTick);
        Assert.Equal("ilgpu-cpu", dense.DeviceName);
    }

    private static void AssertEquivalent(TorchActionHead cpu, GpuActionHead gpu)
    {
        Assert.Equal(cpu.ActionSize, gpu.ActionSize);
        float[] a = new float[cpu.ActionSize];
        float[] b = new float[gpu.ActionSize];
        Gen.Select(Gen.Float[-3f, 3f].Array[cpu.ObservationSize], Gen.Float[-2f, 2f].Array[cpu.LatentSize], Gen.Float[0f, 2f])
            .Sample(
                (obs, latent, age) =>
                {
                    Assert.Equal(ModuleOutcome.Ok, cpu.Act(obs, latent, age, a));
                    Assert.Equal(ModuleOutcome.Ok, gpu.Act(obs, latent, age, b));
                    for (int i = 0; i < a.Length; i++)
                    {
                        double half = (TestModels.Max[i] - TestModels.Min[i]) / 2;
                        Assert.True(
                            Math.Abs(a[i] - b[i]) <= Tolerance * half,
                            $"action {i}: cpu {a[i]:R}, ilgpu {b[i]:R}, difference {Math.Abs(a[i] - b[i]):E2} over {Tolerance * half:E2}");
                    }
                },
                iter: 100,
                threads: 1); // one head, one thread: the heads are not thread-safe
    }
}
