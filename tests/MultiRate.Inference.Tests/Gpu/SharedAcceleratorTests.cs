using MultiRate.Core.Models;
using MultiRate.Core.Modules;
using MultiRate.Inference.Gpu;
using MultiRate.Inference.Gpu.Context;
using MultiRate.Inference.Runtime;
using Xunit;

namespace MultiRate.Inference.Tests.Gpu;

/// <summary>The head and the context on one accelerator, each on its own stream; where each says it ran; the context's device choice.</summary>
public sealed class SharedAcceleratorTests
{
    [Fact]
    public void CreateHeadAndContext_SameTarget_ShareOneAcceleratorOnTwoStreams()
    {
        ModelConfig config = GpuContexts.Config() with { Device = ComputeDevice.IlgpuCpu };
        using var head = (GpuActionHead)PolicyFactory.CreateHead(config, TestModels.Min.Length, TestModels.Min, TestModels.Max);
        using var context = (GpuContextModule)PolicyFactory.CreateContext(config);

        Assert.Same(head.Device.Shared, context.Device.Shared);
        Assert.Same(head.Device.Accelerator, context.Device.Accelerator);
        Assert.NotSame(head.Device.Stream, context.Device.Stream);
        Assert.NotSame(head.Device.Accelerator.DefaultStream, head.Device.Stream);
        Assert.NotSame(context.Device.Accelerator.DefaultStream, context.Device.Stream);
        Assert.Equal(StreamPriority.Highest, head.Device.Priority);
        Assert.Equal(StreamPriority.Lowest, context.Device.Priority);
        Assert.True(head.Device.Shared.Leases >= 2); // other tests may hold the process's CPU accelerator too
    }

    [Fact]
    public void HeadAndContext_ConcurrentlyOnTheSharedAccelerator_GiveWhatEachGivesAlone()
    {
        ModelConfig config = GpuContexts.Config() with { Device = ComputeDevice.IlgpuCpu };
        using var head = (GpuActionHead)PolicyFactory.CreateHead(config, TestModels.Min.Length, TestModels.Min, TestModels.Max);
        using var context = (GpuContextModule)PolicyFactory.CreateContext(config);
        float[] obs = TestModels.Observation(head.ObservationSize);
        float[] latentIn = TestModels.Observation(head.LatentSize, 0.5f);
        float[] history = TestModels.Observation(context.HistoryLength * context.ObservationSize);
        float[] actionAlone = new float[head.ActionSize];
        head.Act(obs, latentIn, 0.02f, actionAlone);
        float[] latentAlone = GpuContexts.Latent(context, history, null, MultiRate.Core.Budgets.AnytimeBudget.FixedSteps(4));

        float[][] latents = new float[10][];
        var worker = new Thread(() =>
        {
            for (int i = 0; i < latents.Length; i++)
            {
                latents[i] = context.Update(GpuContexts.Request(context, history, null, MultiRate.Core.Budgets.AnytimeBudget.FixedSteps(4))).Latent ?? [];
            }
        });
        worker.Start();
        float[] action = new float[head.ActionSize];
        for (int i = 0; i < 200; i++)
        {
            Assert.Equal(ModuleOutcome.Ok, head.Act(obs, latentIn, 0.02f, action));
            Assert.Equal(actionAlone, action);
        }

        worker.Join();
        Assert.All(latents, l => Assert.Equal(latentAlone, l));
    }

    [Fact]
    public void Dispose_LastLease_ClosesTheAcceleratorAndTheNextOpenMakesANewOne()
    {
        // A target of this test's own would be cleaner; the CPU target is shared with tests running
        // alongside, so the lease count is checked relative to what they hold.
        IlgpuDevice first = IlgpuDevice.Open(IlgpuTarget.Cpu, StreamPriority.Highest)!;
        SharedAccelerator shared = first.Shared;
        int held = shared.Leases;
        IlgpuDevice second = IlgpuDevice.Open(IlgpuTarget.Cpu, StreamPriority.Lowest)!;
        Assert.Same(shared, second.Shared);
        Assert.Equal(held + 1, shared.Leases);
        second.Dispose();
        second.Dispose(); // twice gives one lease back, not two
        Assert.Equal(held, shared.Leases);
        first.Dispose();
    }

    [Fact]
    public void DeviceOf_ContextOnEachDevice_SaysWhereItRuns()
    {
        ModelConfig config = GpuContexts.Config();
        using IContextModule cpu = GpuContexts.Cpu(config);
        using IContextModule gpu = GpuContexts.IlgpuCpu(config);
        Assert.Equal("cpu", PolicyFactory.DeviceOf(cpu));
        Assert.Equal("ilgpu-cpu", PolicyFactory.DeviceOf(gpu));
    }

    [Fact]
    public void CreateContext_ContextDeviceOverridesTopLevelDevice()
    {
        ModelConfig config = GpuContexts.Config() with { Device = ComputeDevice.IlgpuCpu };
        using IContextModule onCpu = PolicyFactory.CreateContext(config with { Context = config.Context with { Device = ComputeDevice.Cpu } });
        using IContextModule inherited = PolicyFactory.CreateContext(config);
        Assert.Equal("cpu", PolicyFactory.DeviceOf(onCpu));
        Assert.Equal("ilgpu-cpu", PolicyFactory.DeviceOf(inherited));
    }

    [Fact]
    public void SelectContext_CudaWithoutDevice_ThrowsOneClearMessageNamingTheContext()
    {
        var ex = Assert.Throws<TorchRuntimeException>(() => IlgpuDeviceSelector.Select(ComputeDevice.Cuda, "configs/x.yaml", "the context module", () => null));
        Assert.StartsWith("configs/x.yaml: device: 'cuda' was requested for the context module", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', ex.Message);
    }

    [Fact]
    public void SelectContext_Auto_PicksTheGpuWhenFoundAndSaysSoInOneLine()
    {
        DeviceSelection found = IlgpuDeviceSelector.Select(ComputeDevice.Auto, null, "the context module", () => "NVIDIA H100");
        DeviceSelection none = IlgpuDeviceSelector.Select(ComputeDevice.Auto, null, "the context module", () => null);
        Assert.Equal(ComputeDevice.Cuda, found.Device);
        Assert.Equal("device auto: the context module runs on the GPU (NVIDIA H100, CUDA through ILGPU)", found.Note);
        Assert.Equal(ComputeDevice.Cpu, none.Device);
        Assert.Contains("the context module runs on the CPU", none.Note, StringComparison.Ordinal);
    }

    [Fact]
    public void CreateContext_CudaWithoutAGpu_FailsAtStartWithTheDeviceMessage()
    {
        if (IlgpuDevice.FindCuda() is not null)
        {
            return; // a machine with a GPU builds the context there instead
        }

        ModelConfig config = GpuContexts.Config() with { Context = GpuContexts.Config().Context with { Device = ComputeDevice.Cuda } };
        var ex = Assert.Throws<TorchRuntimeException>(() => PolicyFactory.CreateContext(config));
        Assert.Contains("no CUDA device was found", ex.Message, StringComparison.Ordinal);
    }
}
