namespace MultiRate.Inference.Gpu;

/// <summary>Which ILGPU accelerator runs the head's kernels.</summary>
internal enum IlgpuTarget
{
    /// <summary>The first CUDA device (needs only the NVIDIA driver at run time).</summary>
    Cuda,

    /// <summary>ILGPU's CPU accelerator: the same kernels, run by .NET threads (tests and CI).</summary>
    Cpu,
}
