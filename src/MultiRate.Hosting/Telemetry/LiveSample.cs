namespace MultiRate.Hosting.Telemetry;

/// <summary>A consistent read of <see cref="LiveStats"/>: per-clock latencies and the head's latent age.</summary>
/// <param name="Clocks">Per clock, by name.</param>
/// <param name="LatentAgeP50Ms">Latent age at the action-clock ticks, p50, ms.</param>
/// <param name="LatentAgeMaxMs">Latent age max, ms.</param>
public sealed record LiveSample(IReadOnlyDictionary<string, ClockSample> Clocks, double LatentAgeP50Ms, double LatentAgeMaxMs);
