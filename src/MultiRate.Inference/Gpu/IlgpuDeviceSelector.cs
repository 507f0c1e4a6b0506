using MultiRate.Core.Models;
using MultiRate.Inference.Runtime;

namespace MultiRate.Inference.Gpu;

/// <summary>
/// Resolves a module's <c>cpu | cuda | auto | ilgpu-cpu</c>: CUDA means ILGPU's CUDA accelerator,
/// which needs only the NVIDIA driver (not a TorchSharp CUDA build). The action head and the context
/// module follow the same rules, so on a GPU machine <c>auto</c> puts both on the one shared GPU.
/// </summary>
internal static class IlgpuDeviceSelector
{
    /// <summary>Picks a module's device with the real CUDA probe (<see cref="IlgpuDevice.FindCuda"/>).</summary>
    /// <exception cref="TorchRuntimeException"><paramref name="requested"/> is CUDA and no CUDA device is found.</exception>
    public static DeviceSelection Select(ComputeDevice requested, string? source, string module) =>
        Select(requested, source, module, IlgpuDevice.FindCuda);

    /// <summary>Picks a module's device; a CUDA request without a CUDA device fails with one clear message.</summary>
    /// <param name="requested">The config's device for the module.</param>
    /// <param name="source">Config file named in the error, if any.</param>
    /// <param name="module">The module as the messages name it, e.g. "the action head".</param>
    /// <param name="findCuda">The CUDA probe: the first device's name, or null.</param>
    /// <exception cref="TorchRuntimeException"><paramref name="requested"/> is CUDA and no CUDA device is found.</exception>
    public static DeviceSelection Select(ComputeDevice requested, string? source, string module, Func<string?> findCuda)
    {
        ArgumentNullException.ThrowIfNull(findCuda);
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
                    $"{source ?? "<config>"}: device: 'cuda' was requested for {module}, but no CUDA device was found " +
                    "(ILGPU found no NVIDIA driver (libcuda) or no GPU). Use 'device: cpu' or 'device: auto', " +
                    "or run on a machine with an NVIDIA GPU and its driver.");
            default:
                return findCuda() is string name
                    ? new DeviceSelection(requested, ComputeDevice.Cuda, $"device auto: {module} runs on the GPU ({name}, CUDA through ILGPU)")
                    : new DeviceSelection(requested, ComputeDevice.Cpu, $"device auto: no CUDA device found (no NVIDIA driver or no GPU); {module} runs on the CPU");
        }
    }
}
