using System.Text.Json.Nodes;
using MultiRate.Configuration.Yaml;
using MultiRate.Recording.Summaries;

namespace MultiRate.Cli.Suites;

/// <summary>
/// Checks a <see cref="SummaryPath"/> against the summary's JSON Schema (<c>docs/schemas/run-summary.schema.json</c>)
/// before anything runs, so a typo in <c>expect</c> is a suite error at once rather than after every replay.
/// </summary>
/// <remarks>
/// Keys the schema leaves open (clock names under <c>misses</c>, guard names under <c>guards</c>) pass here and
/// are checked against the real summary after the run.
/// </remarks>
internal static class SummarySchema
{
    private static readonly JsonObject Root = (JsonObject)JsonNode.Parse(RunSummaryJson.Schema)!;

    /// <summary>Null when the schema allows <paramref name="path"/>; otherwise why not.</summary>
    public static string? Check(SummaryPath path)
    {
        JsonObject? node = Root;
        string at = "the summary";
        foreach (object step in path.Segments)
        {
            node = Dereference(node);
            if (node is null)
            {
                return $"{at} has no keys or items below it";
            }

            if (step is int)
            {
                if (node["items"] is not JsonObject items)
                {
                    return $"{at} is not a list";
                }

                node = items;
                at += "[N]";
                continue;
            }

            string key = (string)step;
            if (node["properties"] is JsonObject properties && properties[key] is JsonObject known)
            {
                node = known;
            }
            else if (node["additionalProperties"] is JsonObject open)
            {
                node = open;
            }
            else
            {
                IReadOnlyCollection<string> keys = node["properties"] is JsonObject p ? [.. p.Select(k => k.Key)] : [];
                string choices = keys.Count == 0 ? "it has no keys" : "its keys: " + string.Join(", ", keys);
                return $"{at} has no key '{key}'{KeySuggester.Hint(key, keys, choices)}";
            }

            at = at == "the summary" ? key : at + "." + key;
        }

        return null;
    }

    private static JsonObject? Dereference(JsonObject? node)
    {
        if (node?["$ref"]?.GetValue<string>() is { } reference && reference.StartsWith("#/$defs/", StringComparison.Ordinal))
        {
            return Root["$defs"]?[reference["#/$defs/".Length..]] as JsonObject;
        }

        return node is not null && (node["properties"] is not null || node["additionalProperties"] is JsonObject || node["items"] is not null) ? node : null;
    }
}
