using System.Text.Json.Nodes;

namespace MultiRate.Cli.Infrastructure;

/// <summary>Writes the CLI's JSON: one object per line, stable snake_case field names (a scripting interface).</summary>
internal static class Json
{
    /// <summary>One line of JSON; NaN and infinities become null (see <see cref="Core.Json.FiniteJson"/>).</summary>
    public static void Write(TextWriter output, JsonNode node) => output.WriteLine(Core.Json.FiniteJson.ToJsonString(node));

    /// <summary>The node as indented JSON, for people (and files meant to be read and diffed).</summary>
    public static string Indented(JsonNode node) => Core.Json.FiniteJson.ToJsonString(node, indented: true);

    public static double Round(double v, int digits = 3) => Math.Round(v, digits);
}
