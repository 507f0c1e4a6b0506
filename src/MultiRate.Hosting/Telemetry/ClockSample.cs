namespace MultiRate.Hosting.Telemetry;

/// <summary>One clock's compute latency and recursion figures since the run started.</summary>
/// <param name="Name">Clock name.</param>
/// <param name="Samples">Latency values recorded (ticks whose module ran).</param>
/// <param name="LatencyP50Us">Compute latency p50, microseconds.</param>
/// <param name="LatencyP99Us">Compute latency p99, microseconds.</param>
/// <param name="LatencyMaxUs">Compute latency max, microseconds.</param>
/// <param name="RecursionStepsP50">Recursion steps per completed update, p50 (slow clocks; 0 for the action clock).</param>
/// <param name="RecursionStepsMax">Recursion steps per completed update, max.</param>
public sealed record ClockSample(
    string Name,
    long Samples,
    double LatencyP50Us,
    double LatencyP99Us,
    double LatencyMaxUs,
    double RecursionStepsP50,
    double RecursionStepsMax);
