
namespace MultiRate.Bench.Models;

/// <summary>Head latency per tick at one hidden width on one device.</summary>
/// <param name="Device">Where the head ran.</param>
/// <param name="Width">Hidden width.</param>
/// <param name="Parameters">The head's parameters.</param>
/// <param name="Latency">Per tick.</param>
public sealed record WidthRow(string Device, int Width, long Parameters, LatencyStats Latency);
