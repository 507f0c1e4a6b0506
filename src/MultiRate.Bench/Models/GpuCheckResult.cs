namespace MultiRate.Bench.Models;

/// <summary>One head variant checked on the device against the reference head.</summary>
/// <param name="Variant">e.g. <c>moe 4 experts top-2, hidden [64, 32]</c>.</param>
/// <param name="Samples">Random inputs compared.</param>
/// <param name="MaxError">Largest |device - cpu| over all actions and inputs, in units of the action's half range.</param>
/// <param name="Passed">MaxError within <see cref="GpuCheck.Tolerance"/> and every outcome Ok.</param>
/// <param name="AllocatedBytesPerTick">Managed bytes the device head allocated per tick on the calling thread (steady state).</param>
/// <param name="HeadP50Us">The device head's median tick.</param>
public sealed record GpuCheckResult(string Variant, int Samples, double MaxError, bool Passed, double AllocatedBytesPerTick, double HeadP50Us)
{
    /// <summary>What the device head was compared with: <see cref="GpuCheck.TorchReference"/> or <see cref="GpuCheck.IlgpuReference"/>.</summary>
    public string Reference { get; init; } = GpuCheck.TorchReference;
}
