using System.Text.Json.Nodes;

namespace MultiRate.Logs.Tests.Mcap;

/// <summary>One conformance file: its expected JSON and variant features.</summary>
internal sealed class McapConformanceCase
{
    private McapConformanceCase(string name, string mcapPath, JsonArray records, IReadOnlySet<string> features)
    {
        Name = name;
        McapPath = mcapPath;
        Records = records;
        Features = features;
    }

    /// <summary>e.g. <c>OneMessage/OneMessage-ch-mx</c>.</summary>
    public string Name { get; }

    public string McapPath { get; }

    /// <summary>The expected records.</summary>
    public JsonArray Records { get; }

    public IReadOnlySet<string> Features { get; }

    /// <summary>All conformance files, by name relative to the suite folder (without extension).</summary>
    public static IEnumerable<string> AllNames() =>
        Directory.EnumerateFiles(McapTestPaths.ConformanceDir, "*.mcap", SearchOption.AllDirectories)
            .Select(p => Path.GetRelativePath(McapTestPaths.ConformanceDir, p)[..^".mcap".Length].Replace('\\', '/'))
            .Order(StringComparer.Ordinal);

    public static McapConformanceCase Load(string name)
    {
        string basePath = Path.Combine(McapTestPaths.ConformanceDir, name);
        JsonNode root = JsonNode.Parse(File.ReadAllText(basePath + ".json"))!;
        var features = root["meta"]!["variant"]!["features"]!.AsArray().Select(f => f!.GetValue<string>()).ToHashSet();
        return new McapConformanceCase(name, basePath + ".mcap", root["records"]!.AsArray(), features);
    }

    /// <summary>The HOW-TO's rule for indexed-read cases: a Message and all of ch, chx, mx, rch, rsh.</summary>
    public bool QualifiesForIndexedRead =>
        new[] { "ch", "chx", "mx", "rch", "rsh" }.All(Features.Contains) && RecordsOfType("Message").Any();

    /// <summary>Padded files cannot be written by a spec writer.</summary>
    public bool QualifiesForWrite => !Features.Contains("pad");

    public IEnumerable<JsonObject> RecordsOfType(string type) =>
        Records.Select(r => r!.AsObject()).Where(r => r["type"]!.GetValue<string>() == type);

    /// <summary>A field of an expected record, by snake_case name.</summary>
    public static JsonNode? Field(JsonObject record, string name) =>
        record["fields"]!.AsArray().First(f => f![0]!.GetValue<string>() == name)![1];

    public override string ToString() => Name;
}
