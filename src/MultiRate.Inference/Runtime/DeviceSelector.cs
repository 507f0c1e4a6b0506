using MultiRate.Core.Models;
using TorchSharp;

namespace MultiRate.Inference.Runtime;

/// <summary>Resolves <c>cpu | cuda | auto</c> against the TorchSharp backend this build references.</summary>
public static class DeviceSelector
{
    /// <summary>Picks the device.</summary>
    /// <param name="requested">The config's device.</param>
    /// <param name="source">Config file named in the error, if any.</param>
    /// <exception cref="TorchRuntimeException"><paramref name="requested"/> is CUDA and no CUDA backend is present.</exception>
    public static DeviceSelection Select(ComputeDevice requested, string? source = null) =>
        Select(requested, source, CudaAvailable);

    internal static DeviceSelection Select(ComputeDevice requested, string? source, Func<bool> cudaAvailable)
    {
        switch (requested)
        {
            case ComputeDevice.Cpu:
            case ComputeDevice.IlgpuCpu:
                // ilgpu-cpu is the head's testing backend; a TorchSharp module runs on the CPU.
                return new DeviceSelection(requested, ComputeDevice.Cpu, null);
            case ComputeDevice.Cuda:
                if (cudaAvailable())
                {
                    return new DeviceSelection(requested, ComputeDevice.Cuda, null);
                }

                throw new TorchRuntimeException(
                    $"{source ?? "<config>"}: device: 'cuda' was requested, but TorchSharp's CUDA backend is not available: " +
                    "this build references TorchSharp-cpu (no CUDA kernels). Use 'device: cpu' or 'device: auto', " +
                    "or rebuild against TorchSharp-cuda-linux on a machine with an NVIDIA driver.");
            default:
                return cudaAvailable()
                    ? new DeviceSelection(requested, ComputeDevice.Cuda, null)
                    : new DeviceSelection(requested, ComputeDevice.Cpu, "device auto: CUDA is not available (this build references TorchSharp-cpu); running on the CPU");
        }
    }

    private static bool CudaAvailable()
    {
        TorchRuntime.EnsureLoaded();
        return torch.cuda.is_available();
    }
}
