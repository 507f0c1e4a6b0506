using System.Text.Json.Nodes;

namespace MultiRate.Cli.Suites;

/// <summary>What one case gave: its summary, the expectations it failed, and whether its inputs proved bad at run time.</summary>
internal sealed record CaseResult
{
    /// <summary>The case's position in the suite.</summary>
    public required int Index { get; init; }

    /// <summary>The case's name.</summary>
    public required string Name { get; init; }

    /// <summary>Every failed expectation (or the input error), as the report shows them; empty when the case passed.</summary>
    public required IReadOnlyList<string> Failures { get; init; }

    /// <summary>The <c>replay --json</c> summary (or <c>replay --targets --json</c>'s scores); null when the case could not run.</summary>
    public JsonObject? Summary { get; init; }

    /// <summary>Set when the case's inputs or expectation paths proved bad once it ran: the suite is at fault, not the policy.</summary>
    public string? Error { get; init; }

    /// <summary>Wall-clock seconds the case took (the one timing field of a case).</summary>
    public double TimeS { get; init; }

    /// <summary>Whether every expectation held and nothing went wrong.</summary>
    public bool Passed => Failures.Count == 0 && Error is null;
}
