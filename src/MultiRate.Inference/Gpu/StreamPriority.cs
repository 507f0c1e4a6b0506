namespace MultiRate.Inference.Gpu;

/// <summary>The CUDA priority of a module's stream on the shared accelerator.</summary>
/// <remarks>
/// Priorities order work only within one CUDA context: the head and the context share one
/// accelerator (<see cref="SharedAccelerator"/>) so that the GPU's scheduler prefers the head's
/// blocks whenever both have work queued. ILGPU's CPU accelerator has no priorities: its streams
/// are ordinary, and its launches run one at a time.
/// </remarks>
internal enum StreamPriority
{
    /// <summary>The greatest priority the context allows (the action head: every control tick).</summary>
    Highest,

    /// <summary>The least priority (the context module: it yields to the head between its blocks).</summary>
    Lowest,
}
