namespace MultiRate.Bench.Models;

/// <summary>One measured configuration: the swept value, the model size and the latency.</summary>
/// <param name="Label">What was measured, e.g. <c>head width 4096</c>.</param>
/// <param name="Value">The swept value (width, experts or d_model).</param>
/// <param name="Parameters">Parameter count of the model measured.</param>
/// <param name="Latency">Per call (head: per tick; context: per recursion step).</param>
public sealed record BenchmarkPoint(string Label, int Value, long Parameters, LatencyStats Latency);
