using System.Text.Json.Nodes;
using MultiRate.Recording.Summaries;

namespace MultiRate.Cli.Tests.Output;

/// <summary><c>--json</c> conforms to <c>docs/schemas/run-summary.schema.json</c>, the schema the recorder embeds.</summary>
[Collection("cli")]
public sealed class RunSummarySchemaTests
{
    private static readonly string SchemaPath = Path.Combine(CliRunner.RepoRoot, "docs", "schemas", RunSummaryJson.SchemaFileName);

    [Fact]
    public void Schema_EmbeddedInTheRecorder_IsTheDocumentedFile()
    {
        Assert.Equal(File.ReadAllText(SchemaPath), RunSummaryJson.Schema);
        JsonObject schema = Schema();
        Assert.Equal("https://json-schema.org/draft/2020-12/schema", (string?)schema["$schema"]);
        Assert.Equal("multirate.RunSummary", (string?)schema["title"]);
    }

    [Fact]
    public void ReplayJson_SyntheticSource_ValidatesAgainstTheSchema()
    {
        (int code, string stdout, string stderr) = CliRunner.Run("replay", "--seconds", "0.5", "--json");
        Assert.True(code == 0, stderr);
        JsonObject json = JsonNode.Parse(stdout)!.AsObject();

        Assert.Empty(JsonSchemaValidator.Errors(Schema(), json));
        foreach (string name in new[] { "ticks", "misses", "actions", "actions_sha256", "latent_age_ms", "guards", "stopped_early", "clocks" })
        {
            Assert.True(json.ContainsKey(name), name);
        }
    }

    [Fact]
    public void Validator_SummaryMissingOrAddingAField_ReportsIt()
    {
        (int code, string stdout, _) = CliRunner.Run("replay", "--seconds", "0.2", "--json");
        Assert.Equal(0, code);
        JsonObject json = JsonNode.Parse(stdout)!.AsObject();
        json.Remove("actions_sha256");
        json["unlisted"] = 1;
        json["clocks"]![0]!["ticks"] = "many";

        List<string> errors = JsonSchemaValidator.Errors(Schema(), json);

        Assert.Contains(errors, e => e.Contains("lacks required 'actions_sha256'", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("'unlisted' is not in the schema", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("$.clocks[0].ticks: string is not integer", StringComparison.Ordinal));
    }

    private static JsonObject Schema() => JsonNode.Parse(File.ReadAllText(SchemaPath))!.AsObject();
}
