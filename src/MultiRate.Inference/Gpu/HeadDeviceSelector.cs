using MultiRate.Core.Models;
using MultiRate.Inference.Runtime;

namespace MultiRate.Inference.Gpu;

/// <summary>Resolves the action head's <c>cpu | cuda | auto | ilgpu-cpu</c> (<see cref="IlgpuDeviceSelector"/>'s rules).</summary>
internal static class HeadDeviceSelector
{
    /// <summary>Picks the head's device; a CUDA request without a CUDA device fails with one clear message.</summary>
    /// <exception cref="TorchRuntimeException"><paramref name="requested"/> is CUDA and ILGPU finds no CUDA device.</exception>
    public static DeviceSelection Select(ComputeDevice requested, string? source) =>
        Select(requested, source, IlgpuDevice.FindCuda);

    /// <summary>As <see cref="Select(ComputeDevice, string?)"/>, with the CUDA probe injected (tests).</summary>
    public static DeviceSelection Select(ComputeDevice requested, string? source, Func<string?> findCuda) =>
        IlgpuDeviceSelector.Select(requested, source, "the action head", findCuda);
}
