namespace MultiRate.Bench.Models;

/// <summary>What <see cref="ModelBenchmarks.Run"/> sweeps and how many samples it takes. Defaults are a quick run.</summary>
public sealed class ModelBenchmarkOptions
{
    /// <summary>Head hidden widths to sweep (default 1024, 4096, 16384).</summary>
    public IReadOnlyList<int> HeadWidths { get; init; } = [1024, 4096, 16384];

    /// <summary>Expert counts to sweep at <see cref="ExpertWidth"/>, top-1 (default 1, 4, 16).</summary>
    public IReadOnlyList<int> ExpertCounts { get; init; } = [1, 4, 16];

    /// <summary>Hidden width of each expert in the expert sweep (default 1024).</summary>
    public int ExpertWidth { get; init; } = 1024;

    /// <summary>Context d_model values to sweep (default 64, 128, 256).</summary>
    public IReadOnlyList<int> ContextDModels { get; init; } = [64, 128, 256];

    /// <summary>Head width used in the headline comparison (default 4096).</summary>
    public int HeadlineHeadWidth { get; init; } = 4096;

    /// <summary>Context d_model used in the headline comparison (default 128).</summary>
    public int HeadlineDModel { get; init; } = 128;

    /// <summary>Observation fields (default 32).</summary>
    public int ObservationSize { get; init; } = 32;

    /// <summary>Latent length (default 64).</summary>
    public int LatentDim { get; init; } = 64;

    /// <summary>Action length (default 8).</summary>
    public int ActionSize { get; init; } = 8;

    /// <summary>History rows of the context (default 16).</summary>
    public int History { get; init; } = 16;

    /// <summary>Recursion steps K of the context (default 8).</summary>
    public int Recursion { get; init; } = 8;

    /// <summary>Timed samples per head measurement (default 2000).</summary>
    public int HeadSamples { get; init; } = 2000;

    /// <summary>Timed samples per context measurement (default 30).</summary>
    public int ContextSamples { get; init; } = 30;

    /// <summary>Untimed calls before each measurement (default 200 for the head; a tenth of that for the context).</summary>
    public int WarmUp { get; init; } = 200;

    /// <summary>A loop sustains a rate when p99 x this factor fits the period (default 1.5: a third of the period is slack for the scheduler's wake-up jitter and the output stage).</summary>
    public double SafetyFactor { get; init; } = 1.5;

    /// <summary>Seed of the models (default 1).</summary>
    public int Seed { get; init; } = 1;
}
