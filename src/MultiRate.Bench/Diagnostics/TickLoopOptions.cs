namespace MultiRate.Bench.Diagnostics;

/// <summary>How <see cref="TickLoopHarness"/> interleaves and measures its variants.</summary>
public sealed class TickLoopOptions
{
    /// <summary>Unmeasured ticks per variant before the first block (JIT tiers, caches).</summary>
    public int WarmUpTicks { get; init; } = 5_000;

    /// <summary>Measured blocks per variant; the variants alternate block by block (A B A B ...).</summary>
    public int Blocks { get; init; } = 20;

    /// <summary>Ticks per block.</summary>
    public int TicksPerBlock { get; init; } = 5_000;
}
