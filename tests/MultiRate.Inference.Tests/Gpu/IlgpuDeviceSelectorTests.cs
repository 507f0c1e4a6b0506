using MultiRate.Core.Models;
using MultiRate.Inference.Gpu;
using MultiRate.Inference.Runtime;
using Xunit;

namespace MultiRate.Inference.Tests.Gpu;

public sealed class IlgpuDeviceSelectorTests
{
    [Fact]
    public void Select_CudaWithoutDevice_ThrowsOneClearUserInputError()
    {
        var ex = Assert.Throws<TorchRuntimeException>(() => IlgpuDeviceSelector.Select(ComputeDevice.Cuda, "configs/x.yaml", "the action head", () => null));
        Assert.StartsWith("configs/x.yaml: device: 'cuda'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("no CUDA device was found", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', ex.Message);
    }

    [Fact]
    public void Select_CudaWithDevice_PicksCudaSilently()
    {
        DeviceSelection s = IlgpuDeviceSelector.Select(ComputeDevice.Cuda, null, "the action head", () => "NVIDIA H100");
        Assert.Equal(ComputeDevice.Cuda, s.Device);
        Assert.Null(s.Note);
    }

    [Fact]
    public void Select_AutoWithDevice_PicksCudaAndSaysSoInOneLine()
    {
        DeviceSelection s = IlgpuDeviceSelector.Select(ComputeDevice.Auto, null, "the action head", () => "NVIDIA H100");
        Assert.Equal(ComputeDevice.Cuda, s.Device);
        Assert.Equal("device auto: the action head runs on the GPU (NVIDIA H100, CUDA through ILGPU)", s.Note);
    }

    [Fact]
    public void Select_AutoWithoutDevice_FallsBackToCpuAndSaysSo()
    {
        DeviceSelection s = IlgpuDeviceSelector.Select(ComputeDevice.Auto, null, "the action head", () => null);
        Assert.Equal(ComputeDevice.Cpu, s.Device);
        Assert.Contains("the action head runs on the CPU", s.Note, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(ComputeDevice.Cpu)]
    [InlineData(ComputeDevice.IlgpuCpu)]
    public void Select_CpuOrIlgpuCpu_NeverProbesCuda(ComputeDevice requested)
    {
        DeviceSelection s = IlgpuDeviceSelector.Select(requested, null, "the action head", () => throw new InvalidOperationException("probed"));
        Assert.Equal(requested, s.Device);
    }

    [Fact]
    public void FindCuda_NoNvidiaDriverHere_ReturnsNullWithoutThrowing()
    {
        // Runs everywhere: on a machine with a GPU it names it, without one it is null; never throws.
        string? name = IlgpuDevice.FindCuda();
        Assert.True(name is null || name.Length > 0);
    }

    [Fact]
    public void CreateHead_HeadDeviceOverridesTopLevelDevice()
    {
        var config = TestModels.Config(device: ComputeDevice.Cpu) with { Head = new HeadConfig { Hidden = [8], Device = ComputeDevice.IlgpuCpu } };
        using var head = PolicyFactory.CreateHead(config, TestModels.Min.Length, TestModels.Min, TestModels.Max);
        Assert.IsType<GpuActionHead>(head);
        Assert.Equal("ilgpu-cpu", PolicyFactory.DeviceOf(head));
    }
}
