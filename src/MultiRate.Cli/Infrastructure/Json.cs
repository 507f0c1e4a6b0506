using System.Text.Json;
using System.Text.Json.Nodes;

namespace MultiRate.Cli.Infrastructure;

/// <summary>Writes the CLI's JSON: one object per line, stable snake_case field names (a scripting interface).</summary>
internal static class Json
{
    private static readonly JsonSerializerOptions Options = new() { WriteIndented = false };
    private static readonly JsonSerializerOptions IndentedOptions = new() { WriteIndented = true };

    public static void Write(TextWriter output, JsonNode node) => output.WriteLine(node.ToJsonString(Options));

    /// <summary>The node as indented JSON, for people (and files meant to be read and diffed).</summary>
    public static string Indented(JsonNode node) => node.ToJsonString(IndentedOptions);

    public static double Round(double v, int digits = 3) => Math.Round(v, digits);
}
