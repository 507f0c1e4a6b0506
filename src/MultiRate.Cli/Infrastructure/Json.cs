using System.Text.Json;
using System.Text.Json.Nodes;

namespace MultiRate.Cli.Infrastructure;

/// <summary>Writes the CLI's JSON: one object per line, stable snake_case field names (a scripting interface).</summary>
internal static class Json
{
    private static readonly JsonSerializerOptions Options = new() { WriteIndented = false };

    public static void Write(TextWriter output, JsonNode node) => output.WriteLine(node.ToJsonString(Options));

    public static double Round(double v, int digits = 3) => Math.Round(v, digits);
}
