namespace MultiRate.Bench.Models;

/// <summary>The device head's tick at one hidden width (<see cref="GpuCheck.Widths"/>).</summary>
/// <param name="Width">Hidden width (one layer).</param>
/// <param name="Parameters">The head's parameters.</param>
/// <param name="P50Us">Median tick, copies to and from the device included.</param>
/// <param name="P99Us">99th percentile tick.</param>
public sealed record GpuWidthResult(int Width, long Parameters, double P50Us, double P99Us);
