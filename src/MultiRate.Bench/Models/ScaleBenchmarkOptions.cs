using MultiRate.Core.Models;

namespace MultiRate.Bench.Models;

/// <summary>What <see cref="ScaleBenchmarks"/> measures and how long. Defaults keep <c>bench models</c> near a minute.</summary>
public sealed class ScaleBenchmarkOptions
{
    /// <summary>Where the head runs (default the CPU). The scales' contexts run on the CPU; the interference's context runs on the head's accelerator when the head is on one (cuda, ilgpu-cpu).</summary>
    public ComputeDevice Device { get; init; } = ComputeDevice.Cpu;

    /// <summary>Scales to measure (default: default and helix-like; add <see cref="ModelScale.Largest"/> for the large run).</summary>
    public IReadOnlyList<ModelScale> Scales { get; init; } = [ModelScale.Default, ModelScale.HelixLike];

    /// <summary>Widths of the head-by-width sweep on each device (default 1024 to 65,536).</summary>
    public IReadOnlyList<int> Widths { get; init; } = [1024, 4096, 16384, 32768, 65536];

    /// <summary>Timed head ticks per measurement (default 400).</summary>
    public int HeadSamples { get; init; } = 400;

    /// <summary>Timed context updates (and dense ticks) per scale (default 5).</summary>
    public int ContextSamples { get; init; } = 5;

    /// <summary>Untimed head calls before timing (default 50).</summary>
    public int WarmUp { get; init; } = 50;

    /// <summary>The context's rate in the interference measurement (default 10 Hz, the shipped profile's context clock).</summary>
    public double ContextRateHz { get; init; } = 10;

    /// <summary>Head ticks timed in each half of the interference measurement (default 3000).</summary>
    public int InterferenceSamples { get; init; } = 3000;

    /// <summary>Observation fields, latent length, action length, history rows and recursion steps K.</summary>
    public (int Observation, int Latent, int Action, int History, int Recursion) Shape { get; init; } = (32, 64, 8, 16, 8);

    /// <summary>A loop sustains a rate when p99 x this factor fits the period (default 1.5, as the headline).</summary>
    public double SafetyFactor { get; init; } = 1.5;
}
