using System.Text.Json.Nodes;

namespace MultiRate.Cli.Tests.Output;

/// <summary>The JSON Schemas of the <c>--json</c> outputs, as documented in <c>docs/schemas/</c>.</summary>
internal static class OutputSchemas
{
    public static string Folder { get; } = Path.Combine(CliRunner.RepoRoot, "docs", "schemas");

    public static JsonObject Load(string name) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(Folder, name + ".schema.json")))!.AsObject();

    /// <summary>Fails with every violation, each with its JSON path, when <paramref name="value"/> does not conform.</summary>
    public static void AssertConforms(string name, JsonNode? value)
    {
        List<string> errors = JsonSchemaValidator.Errors(Load(name), value);
        Assert.True(errors.Count == 0, $"{name}.schema.json: {string.Join("; ", errors)}");
    }
}
