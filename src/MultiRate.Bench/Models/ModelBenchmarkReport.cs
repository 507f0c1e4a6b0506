namespace MultiRate.Bench.Models;

/// <summary>Everything <see cref="ModelBenchmarks.Run"/> measured, plus how it was measured.</summary>
/// <param name="HeadByWidth">Dense head latency per tick vs hidden width.</param>
/// <param name="HeadByExperts">MoE head (top-1) latency per tick vs expert count.</param>
/// <param name="ContextByDModel">Context latency per recursion step vs d_model.</param>
/// <param name="Headline">Dense-every-tick vs multirate.</param>
/// <param name="Method">One paragraph describing the method, for the report's footer.</param>
public sealed record ModelBenchmarkReport(
    IReadOnlyList<BenchmarkPoint> HeadByWidth,
    IReadOnlyList<BenchmarkPoint> HeadByExperts,
    IReadOnlyList<BenchmarkPoint> ContextByDModel,
    DenseVsMultirate Headline,
    string Method);
