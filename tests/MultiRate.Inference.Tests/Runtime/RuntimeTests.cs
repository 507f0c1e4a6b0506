using MultiRate.Core.Models;
using MultiRate.Inference.Runtime;
using TorchSharp;
using Xunit;

namespace MultiRate.Inference.Tests.Runtime;

public sealed class RuntimeTests
{
    [Fact]
    public void EnsureLoaded_InTestOutput_NativeLibraryLoadsAndComputes()
    {
        // Proves the build's GLIBCXX fix reached this project's output: without it, dlopen fails here.
        TorchRuntime.EnsureLoaded();
        using torch.Tensor sum = torch.ones(3).sum();
        Assert.Equal(3f, sum.item<float>());
        Assert.Equal(1, torch.get_num_threads());
    }

    [Fact]
    public void Describe_LoadFailure_SaysWhatFailedAndWhatToDo()
    {
        string message = TorchRuntime.Describe(new TypeInitializationException("TorchSharp.torch", new NotSupportedException("long trace\nline 2")), "libLibTorchSharp.so: version `GLIBCXX_3.4.32' not found");
        Assert.Contains("GLIBCXX_3.4.32' not found", message, StringComparison.Ordinal);
        Assert.Contains("dotnet build", message, StringComparison.Ordinal);
        Assert.Contains("GCC 13", message, StringComparison.Ordinal);
        Assert.DoesNotContain("long trace", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Describe_NoLoaderError_UsesTheFirstLineOfTheInnermostMessage()
    {
        string message = TorchRuntime.Describe(new TypeInitializationException("TorchSharp.torch", new NotSupportedException("first line\nsecond line")), null);
        Assert.Contains("failed to load: first line", message, StringComparison.Ordinal);
        Assert.DoesNotContain("second line", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Select_CudaOnCpuBuild_ThrowsClearUserInputError()
    {
        var ex = Assert.Throws<TorchRuntimeException>(() => DeviceSelector.Select(ComputeDevice.Cuda, "configs/x.yaml"));
        Assert.Contains("TorchSharp's CUDA backend is not available", ex.Message, StringComparison.Ordinal);
        Assert.Contains("TorchSharp-cpu", ex.Message, StringComparison.Ordinal);
        Assert.StartsWith("configs/x.yaml", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Select_AutoOnCpuBuild_FallsBackToCpuWithOneNote()
    {
        DeviceSelection selection = DeviceSelector.Select(ComputeDevice.Auto);
        Assert.Equal(ComputeDevice.Cpu, selection.Device);
        Assert.Contains("running on the CPU", selection.Note, StringComparison.Ordinal);
    }

    [Fact]
    public void Select_AutoWhenCudaPresent_PicksCuda()
    {
        DeviceSelection selection = DeviceSelector.Select(ComputeDevice.Auto, null, () => true);
        Assert.Equal(ComputeDevice.Cuda, selection.Device);
        Assert.Null(selection.Note);
    }

    [Fact]
    public void CreateHead_CudaConfig_FailsWithTheCudaMessage()
    {
        // The head reaches CUDA through ILGPU (needing only the NVIDIA driver), so its message names the missing device.
        if (MultiRate.Inference.Gpu.IlgpuDevice.FindCuda() is not null)
        {
            return; // a machine with a GPU builds the head there instead
        }

        var ex = Assert.Throws<TorchRuntimeException>(() => TestModels.Head(TestModels.Config(device: ComputeDevice.Cuda)));
        Assert.Contains("no CUDA device was found", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CreateContext_CudaConfig_FailsWithTheCudaMessage()
    {
        // The context reaches CUDA through ILGPU too (on the accelerator the head shares), so its message names the missing device.
        if (MultiRate.Inference.Gpu.IlgpuDevice.FindCuda() is not null)
        {
            return; // a machine with a GPU builds the context there instead
        }

        var ex = Assert.Throws<TorchRuntimeException>(() => TestModels.Context(TestModels.Config(device: ComputeDevice.Cuda)));
        Assert.Contains("no CUDA device was found", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CreateHead_InvalidHeadConfig_ListsEveryProblem()
    {
        var config = TestModels.Config(experts: 2, topK: 3, hidden: [8, 8, 8]);
        var ex = Assert.Throws<MultiRate.Core.Errors.ValidationException>(() => PolicyFactory.CreateHead(config, 3, TestModels.Min, TestModels.Max));
        Assert.Equal(2, ex.Errors.Count);
    }
}
