namespace MultiRate.Bench.Remote;

/// <summary>One side of <c>bench remote</c>: the context computed in-process or by a server over loopback.</summary>
/// <param name="Side">"in-process" or "loopback".</param>
/// <param name="RoundTripP50Us">Update time p50 (loopback: request, compute and reply), microseconds.</param>
/// <param name="RoundTripP99Us">Update time p99, microseconds.</param>
/// <param name="LatentAgeP50Ms">Age of the latent the head used, p50 over a real-time run, milliseconds.</param>
/// <param name="LatentAgeP99Ms">The same, p99.</param>
/// <param name="LatentsPublished">Context latents published in that run.</param>
/// <param name="ContextFailures">Context faults and timeouts in that run.</param>
public sealed record RemoteBenchResult(
    string Side,
    double RoundTripP50Us,
    double RoundTripP99Us,
    double LatentAgeP50Ms,
    double LatentAgeP99Ms,
    long LatentsPublished,
    long ContextFailures);
