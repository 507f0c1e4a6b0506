namespace MultiRate.Cli.Suites;

/// <summary>One case of a replay test suite: what to replay and what its summary must show.</summary>
/// <remarks>Paths are already resolved against the suite file's directory.</remarks>
internal sealed record SuiteCase
{
    /// <summary>Position in the suite's <c>cases</c> list (0-based): the shard key and the report's order.</summary>
    public required int Index { get; init; }

    /// <summary>Unique name, as reports and JUnit show it.</summary>
    public required string Name { get; init; }

    /// <summary>The sensor log; null: the config's own source.</summary>
    public string? Log { get; init; }

    /// <summary>The rate profile.</summary>
    public required string Rates { get; init; }

    /// <summary>The model config.</summary>
    public required string Config { get; init; }

    /// <summary>With <see cref="Targets"/>: the trained weights' directory.</summary>
    public string? Weights { get; init; }

    /// <summary>Score <see cref="Weights"/> against the logged targets (<c>replay --weights DIR --targets</c>) instead of running the shipped modules.</summary>
    public bool Targets { get; init; }

    /// <summary>Replay a damaged log up to the damage (<c>replay --allow-truncated</c>).</summary>
    public bool AllowTruncated { get; init; }

    /// <summary>Start of the time window, seconds after the log's first sample; null: the log's start.</summary>
    public double? FromS { get; init; }

    /// <summary>End of the time window, seconds after the log's first sample; null: the log's end.</summary>
    public double? ToS { get; init; }

    /// <summary>Expectations on the summary, in the suite's order.</summary>
    public required IReadOnlyList<Expectation> Expect { get; init; }

    /// <summary>The golden-recording comparison, or null.</summary>
    public ActionsMatch? ActionsMatch { get; init; }

    /// <summary>Every file the case reads (outputs must not overwrite any of them).</summary>
    public IEnumerable<string?> Inputs => [Log, Rates, Config, Weights, ActionsMatch?.Recording];
}
