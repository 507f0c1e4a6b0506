using MultiRate.Core.Budgets;
using MultiRate.Core.Models;
using MultiRate.Inference.ContextModule;
using MultiRate.Inference.Gpu.Context;
using MultiRate.Inference.Tests.Weights;
using MultiRate.Inference.Weights;
using TorchSharp;
using Xunit;

namespace MultiRate.Inference.Tests.Gpu;

/// <summary>The device context reads the same safetensors as the CPU path, and counts and saves the same parameters.</summary>
public sealed class GpuContextModuleWeightsTests
{
    [Fact]
    public void CreateContext_SafetensorsWeights_DeviceContextReadsTheSameWeights()
    {
        using var dir = new TempDir();
        ModelConfig seeded = GpuContexts.Config(recursion: 3);
        using (TorchContextModule source = GpuContexts.Cpu(seeded with { Seed = 99 }))
        {
            using var scope = torch.NewDisposeScope();
            SafetensorsWriter.Write(Path.Combine(dir.Path, "context.safetensors"), SafetensorsWriter.FromStateDict(source.Net.state_dict(), string.Empty));
        }

        ModelConfig loaded = seeded with { Weights = dir.Path };
        using TorchContextModule cpu = GpuContexts.Cpu(loaded);
        using TorchContextModule seededCpu = GpuContexts.Cpu(seeded);
        using GpuContextModule gpu = GpuContexts.IlgpuCpu(loaded);
        float[] history = TestModels.Observation(cpu.HistoryLength * cpu.ObservationSize);
        float[] fromFile = GpuContexts.Latent(cpu, history, null, AnytimeBudget.FixedSteps(3));

        Assert.NotEqual(fromFile, GpuContexts.Latent(seededCpu, history, null, AnytimeBudget.FixedSteps(3))); // the file's weights, not the seeded init
        float[] device = GpuContexts.Latent(gpu, history, null, AnytimeBudget.FixedSteps(3));
        for (int i = 0; i < fromFile.Length; i++)
        {
            Assert.True(Math.Abs(fromFile[i] - device[i]) <= 1e-5, $"latent {i}: cpu {fromFile[i]:R}, ilgpu {device[i]:R}");
        }

        Assert.Equal(ModuleParameters.Count(cpu), ModuleParameters.Count(gpu));
    }
}
