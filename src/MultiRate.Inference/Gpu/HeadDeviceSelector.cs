using MultiRate.Core.Models;
using MultiRate.Inference.Runtime;

namespace MultiRate.Inference.Gpu;

/// <summary>
/// Resolves the action head's <c>cpu | cuda | auto | ilgpu-cpu</c>: CUDA means ILGPU's CUDA
/// accelerator, which needs only the NVIDIA driver (not a TorchSharp CUDA build).
/// </summary>
internal static class HeadDeviceSelector
{
    /// <summary>Picks the head's device; a CUDA request without a CUDA device fails with one clear message.</summary>
    /// <exception cref="TorchRuntimeException"><paramref name="requested"/> is CUDA and ILGPU finds no CUDA device.</exception>
    public static DeviceSelection Select(ComputeDevice requested, string? source) =>
        Select(requested, source, IlgpuDevice.FindCuda);

    /// <summary>As <see cref="Select(ComputeDevice, string?)"/>, with the CUDA probe injected (tests).</summary>
    public static DeviceSelection Select(ComputeDevice requested, string? source, Func<string?> findCuda)
    {
        switch (requested)
        {
            case ComputeDevice.Cpu:
            case ComputeDevice.IlgpuCpu:
                return new DeviceSelection(requested, requested, null);
            case ComputeDevice.Cuda:
                if (findCuda() is not null)
                {
                    return new DeviceSelection(requested, ComputeDevice.Cuda, null);
                }

                throw new TorchRuntimeException(
                    $"{source ?? "<config>"}: device: 'cuda' was requested for the action head, but no CUDA device was found " +
                    "(ILGPU found no NVIDIA driver (libcuda) or no GPU). Use 'device: cpu' or 'device: auto', " +
                    "or run on a machine with an NVIDIA GPU and its driver.");
            default:
                return findCuda() is string name
                    ? new DeviceSelection(requested, ComputeDevice.Cuda, $"device auto: the action head runs on the GPU ({name}, CUDA through ILGPU)")
                    : new DeviceSelection(requested, ComputeDevice.Cpu, "device auto: no CUDA device found (no NVIDIA driver or no GPU); the action head runs on the CPU");
        }
    }
}
