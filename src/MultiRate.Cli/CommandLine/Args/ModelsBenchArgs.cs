namespace MultiRate.Cli.CommandLine.Args;

/// <summary>The options of <c>multirate</c> <c>bench models</c>, bound from the command line.</summary>
internal sealed record ModelsBenchArgs
{
    /// <summary><c>--quick</c>.</summary>
    public bool Quick { get; init; }

    /// <summary><c>--json</c>.</summary>
    public bool Json { get; init; }

    /// <summary><c>--device</c>: where the head runs in the scale and width benches (null: the CPU).</summary>
    public string? Device { get; init; }

    /// <summary><c>--large</c>: add the largest scale (minutes on a small machine).</summary>
    public bool Large { get; init; }
}
