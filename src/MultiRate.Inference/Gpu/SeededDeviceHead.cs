using MultiRate.Core.Models;
using MultiRate.Core.Modules;
using MultiRate.Inference.Runtime;

namespace MultiRate.Inference.Gpu;

/// <summary>
/// Action heads on an ILGPU accelerator from seeded parameters drawn in managed code: no TorchSharp,
/// no libtorch. For checks and benches on machines where TorchSharp's native layer does not load
/// (e.g. a GPU machine whose only libtorch is another version's).
/// </summary>
public static class SeededDeviceHead
{
    /// <summary>
    /// A head on <paramref name="device"/> (<see cref="ComputeDevice.Cuda"/> or
    /// <see cref="ComputeDevice.IlgpuCpu"/>) with PyTorch's Linear default init drawn from
    /// <paramref name="seed"/>; actions limited to [-1, 1]. The same seed and shape give the same
    /// parameters on every device, so two such heads can be compared with each other.
    /// </summary>
    /// <exception cref="TorchRuntimeException">No CUDA device could be opened.</exception>
    public static IActionHead Create(ComputeDevice device, ulong seed, int observationSize, int latentSize, bool ageFeatures, IReadOnlyList<int> hidden, int actionSize, int experts, int topK)
    {
        IlgpuTarget target = device switch
        {
            ComputeDevice.Cuda => IlgpuTarget.Cuda,
            ComputeDevice.IlgpuCpu => IlgpuTarget.Cpu,
            _ => throw new ArgumentOutOfRangeException(nameof(device), device, "a seeded device head runs on cuda or ilgpu-cpu"),
        };
        int inputs = observationSize + latentSize + (ageFeatures ? 2 : 0);
        HeadParameters parameters = HeadParameters.Seeded(seed, inputs, hidden, actionSize, experts);
        IlgpuDevice? opened = null;
        try
        {
            opened = IlgpuDevice.Open(target, StreamPriority.Highest) ?? throw new TorchRuntimeException($"no {(target == IlgpuTarget.Cuda ? "CUDA" : "ILGPU CPU")} device could be opened");
            return new GpuActionHead(opened, parameters, null, observationSize, latentSize, ageFeatures, topK, [.. Enumerable.Repeat(-1.0, actionSize)], [.. Enumerable.Repeat(1.0, actionSize)]);
        }
        catch
        {
            opened?.Dispose();
            throw;
        }
    }
}
