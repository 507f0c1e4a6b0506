using MultiRate.Core.Models;
using MultiRate.Core.Modules;
using MultiRate.Inference.Gpu.Context;
using MultiRate.Inference.Runtime;

namespace MultiRate.Inference.Gpu;

/// <summary>
/// Context modules on an ILGPU accelerator from seeded parameters drawn in managed code: no
/// TorchSharp, no libtorch. The context's counterpart of <see cref="SeededDeviceHead"/>, for checks
/// and benches on machines where TorchSharp's native layer does not load.
/// </summary>
public static class SeededDeviceContext
{
    /// <summary>
    /// A context on <paramref name="device"/> (<see cref="ComputeDevice.Cuda"/> or
    /// <see cref="ComputeDevice.IlgpuCpu"/>) with the context's seeded init (the distributions and
    /// order of the TorchSharp path) drawn from <paramref name="seed"/>, on the process's shared
    /// accelerator at the lowest stream priority. The same seed and shape give the same parameters on
    /// every device, so two such contexts can be compared with each other.
    /// </summary>
    /// <param name="device">cuda or ilgpu-cpu.</param>
    /// <param name="seed">The init stream's seed.</param>
    /// <param name="observationSize">Width of one history row.</param>
    /// <param name="history">History rows.</param>
    /// <param name="upstreamSize">Width of an upstream latent (0: none).</param>
    /// <param name="dModel">Model width.</param>
    /// <param name="heads">Attention heads.</param>
    /// <param name="feedForward">Feed-forward width.</param>
    /// <param name="latentSize">Latent width.</param>
    /// <exception cref="TorchRuntimeException">No such device could be opened.</exception>
    public static IContextModule Create(ComputeDevice device, ulong seed, int observationSize, int history, int upstreamSize, int dModel, int heads, int feedForward, int latentSize)
    {
        IlgpuTarget target = device switch
        {
            ComputeDevice.Cuda => IlgpuTarget.Cuda,
            ComputeDevice.IlgpuCpu => IlgpuTarget.Cpu,
            _ => throw new ArgumentOutOfRangeException(nameof(device), device, "a seeded device context runs on cuda or ilgpu-cpu"),
        };
        ContextParameters parameters = ContextParameters.Seeded(seed, observationSize, history, upstreamSize, dModel, heads, feedForward, latentSize);
        IlgpuDevice? opened = null;
        try
        {
            opened = IlgpuDevice.Open(target, StreamPriority.Lowest) ?? throw new TorchRuntimeException($"no {(target == IlgpuTarget.Cuda ? "CUDA" : "ILGPU CPU")} device could be opened");
            return new GpuContextModule(opened, parameters, null, observationSize, history, upstreamSize, latentSize);
        }
        catch
        {
            opened?.Dispose();
            throw;
        }
    }
}
