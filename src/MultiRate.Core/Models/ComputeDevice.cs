namespace MultiRate.Core.Models;

/// <summary>Where the models run.</summary>
public enum ComputeDevice
{
    /// <summary>The CPU.</summary>
    Cpu,

    /// <summary>
    /// A CUDA GPU through ILGPU (needs only the NVIDIA driver): the action head and the context
    /// module share one accelerator; fails at start with a clear message when there is none.
    /// </summary>
    Cuda,

    /// <summary>CUDA when available, else the CPU (with one log line saying which).</summary>
    Auto,

    /// <summary>
    /// Testing value: the modules' GPU kernels on ILGPU's CPU accelerator (same kernels, no GPU).
    /// Slower than <see cref="Cpu"/>; for tests and CI.
    /// </summary>
    IlgpuCpu,
}
