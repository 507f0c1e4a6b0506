namespace MultiRate.Core.Models;

/// <summary>Where the models run.</summary>
public enum ComputeDevice
{
    /// <summary>The CPU.</summary>
    Cpu,

    /// <summary>A CUDA GPU; fails with a clear message when TorchSharp has no CUDA backend.</summary>
    Cuda,

    /// <summary>CUDA when available, else the CPU (with one log line saying so).</summary>
    Auto,
}
