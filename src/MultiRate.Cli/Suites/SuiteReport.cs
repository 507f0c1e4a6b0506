using System.Text.Json.Nodes;

namespace MultiRate.Cli.Suites;

/// <summary>
/// The result of a suite, a shard of it, or shards merged: what <c>multirate test --json</c> prints and
/// <c>multirate test merge</c> reads (<c>docs/schemas/test-report.schema.json</c>).
/// </summary>
internal sealed record SuiteReport
{
    /// <summary>The suite's name.</summary>
    public required string Suite { get; init; }

    /// <summary>How many cases the whole suite has (all shards together).</summary>
    public required int CasesInSuite { get; init; }

    /// <summary>The shard this report covers; null for the whole suite (run unsharded or merged).</summary>
    public Shard? Shard { get; init; }

    /// <summary>The cases run, in suite order.</summary>
    public required IReadOnlyList<CaseResult> Cases { get; init; }

    /// <summary>Cases that passed.</summary>
    public int Passed => Cases.Count(c => c.Passed);

    /// <summary>Cases that failed (an expectation, or a bad input found at run time).</summary>
    public int Failed => Cases.Count - Passed;

    /// <summary>Whether a case's inputs or expectation paths proved bad at run time (exit 2 rather than 1).</summary>
    public bool HasErrors => Cases.Any(c => c.Error is not null);

    /// <summary>The exit code: 0 every case passed, 1 an expectation failed, 2 the suite's inputs are at fault.</summary>
    public int ExitCode => HasErrors ? 2 : Failed > 0 ? 1 : 0;

    /// <summary>The report as JSON. Timing fields: <c>time_s</c> per case and, in summaries, <c>wall_s</c> and <c>clocks[].latency_us</c>.</summary>
    public JsonObject ToJson()
    {
        var json = new JsonObject
        {
            ["suite"] = Suite,
            ["cases_in_suite"] = CasesInSuite,
        };
        if (Shard is not null)
        {
            json["shard"] = Shard.ToString();
        }

        json["passed"] = Passed;
        json["failed"] = Failed;
        json["cases"] = new JsonArray([.. Cases.Select(CaseJson)]);
        return json;
    }

    private static JsonObject CaseJson(CaseResult c) => new()
    {
        ["name"] = c.Name,
        ["index"] = c.Index,
        ["passed"] = c.Passed,
        ["failures"] = new JsonArray([.. c.Failures.Select(f => JsonValue.Create(f))]),
        ["error"] = c.Error,
        ["time_s"] = Math.Round(c.TimeS, 3),
        ["summary"] = c.Summary?.DeepClone(),
    };
}
