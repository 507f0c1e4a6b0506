namespace MultiRate.Bench.Models;

/// <summary>One context shape checked on the device against the CPU context on the same weights.</summary>
/// <param name="Variant">e.g. <c>d_model 128, 2 heads, history 16, K 8, upstream 32</c>.</param>
/// <param name="Samples">Random histories compared.</param>
/// <param name="MaxError">Largest |device - cpu| over every latent value and input.</param>
/// <param name="Passed">MaxError within <see cref="GpuContextCheck.Tolerance"/> and every outcome Ok.</param>
/// <param name="UpdateP50Us">The device context's median update (K steps, a wait on its stream after each, copies included).</param>
public sealed record GpuContextCheckResult(string Variant, int Samples, double MaxError, bool Passed, double UpdateP50Us);
