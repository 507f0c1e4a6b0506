namespace MultiRate.Core.Models;

/// <summary>Where the models run.</summary>
public enum ComputeDevice
{
    /// <summary>The CPU.</summary>
    Cpu,

    /// <summary>
    /// A CUDA GPU: the action head through ILGPU (needs only the NVIDIA driver), a context module
    /// through TorchSharp's CUDA backend; fails at start with a clear message when either is missing.
    /// </summary>
    Cuda,

    /// <summary>CUDA when available, else the CPU (with one log line saying which).</summary>
    Auto,

    /// <summary>
    /// Testing value: the action head's GPU kernels on ILGPU's CPU accelerator (same kernels, no
    /// GPU); a context module runs on the CPU. Slower than <see cref="Cpu"/>; for tests and CI.
    /// </summary>
    IlgpuCpu,
}
