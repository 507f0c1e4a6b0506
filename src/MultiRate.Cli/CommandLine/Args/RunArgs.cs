namespace MultiRate.Cli.CommandLine.Args;

/// <summary>The options of <c>multirate</c> <c>run</c> and <c>replay</c> (not <c>--targets</c>), bound from the command line.</summary>
internal sealed record RunArgs
{
    /// <summary><c>run</c> or <c>replay</c>: the default pace and the name in messages.</summary>
    public required string Command { get; init; }

    /// <summary><c>--rates</c>: the rate profile.</summary>
    public string? Rates { get; init; }

    /// <summary><c>--config</c>: the model config.</summary>
    public string? Config { get; init; }

    /// <summary><c>--log</c>: the sensor log.</summary>
    public string? Log { get; init; }

    /// <summary><c>--seconds</c>: how long to run.</summary>
    public double? Seconds { get; init; }

    /// <summary><c>--pace</c>: realtime, virtual (or its alias fast).</summary>
    public string? Pace { get; init; }

    /// <summary><c>--spin-margin-us</c>.</summary>
    public double? SpinMarginUs { get; init; }

    /// <summary><c>--fifo-priority</c>: SCHED_FIFO priority (0: none); null when not given.</summary>
    public int? FifoPriority { get; init; }

    /// <summary><c>--no-realtime</c>: normal scheduling, no SCHED_FIFO.</summary>
    public bool NoRealtime { get; init; }

    /// <summary><c>--json</c>.</summary>
    public bool Json { get; init; }

    /// <summary><c>--record</c>: the MCAP recording to write.</summary>
    public string? Record { get; init; }

    /// <summary><c>--live</c>: where to serve the live channels (<c>[HOST:]PORT</c>), or null.</summary>
    public string? Live { get; init; }

    /// <summary><c>--no-dashboard</c>.</summary>
    public bool NoDashboard { get; init; }

    /// <summary><c>--no-watch</c>.</summary>
    public bool NoWatch { get; init; }

    /// <summary><c>--log-config</c>.</summary>
    public string? LogConfig { get; init; }

    /// <summary><c>--allow-truncated</c>.</summary>
    public bool AllowTruncated { get; init; }

    /// <summary><c>--msg-path</c>, <c>--time-column</c>, <c>--time-unit</c>: how the log is opened.</summary>
    public MultiRate.Logs.SensorLogOptions LogReading { get; init; } = new();
}
