using System.Text.Json.Nodes;
using MultiRate.Logs.Abstractions;
using MultiRate.Logs.Tests.ULog;
using Xunit;

namespace MultiRate.Logs.Tests.RealLogs;

/// <summary>Compares a reader with a real log's expected.json (written by the format maker's own reader).</summary>
internal static class ExpectedJson
{
    /// <summary>The shared real-logs folder beside the repository.</summary>
    public static string SharedFolder(string name) => Path.Combine(SharedRealLogs, name);

    /// <summary>The real-logs folder of the shared data beside the clone (../shared), or one level further up.</summary>
    private static string SharedRealLogs { get; } =
        new[] { Path.Combine(RepoPaths.Root, "..", "shared"), Path.Combine(RepoPaths.Root, "..", "..", "shared") }
            .Select(p => Path.GetFullPath(Path.Combine(p, "data", "real-logs")))
            .FirstOrDefault(Directory.Exists)
        ?? Path.GetFullPath(Path.Combine(RepoPaths.Root, "..", "shared", "data", "real-logs"));

    /// <summary>Loads expected.json from a folder.</summary>
    public static JsonObject Load(string folder) => JsonNode.Parse(File.ReadAllText(Path.Combine(folder, "expected.json")))!.AsObject();

    /// <summary>Topics (names, counts, schemas, encodings), start/end and every expected field of the first messages.</summary>
    public static void AssertMatches(ISensorLog log, JsonObject expected)
    {
        JsonObject topics = expected["topics"]!.AsObject();
        Assert.Equal(topics.Select(t => t.Key).Order(StringComparer.Ordinal), log.Topics.Select(t => t.Name));
        foreach (LogTopicInfo t in log.Topics)
        {
            JsonNode e = topics[t.Name]!;
            Assert.Equal((long)e["count"]!, t.Count);
            Assert.Equal((string)e["schema"]!, t.Schema);
            Assert.Equal((string)e["encoding"]!, t.Encoding);
        }

        Assert.Equal((long)expected["start_ns"]!, log.Topics.Min(t => t.FirstNs));
        Assert.Equal((long)expected["end_ns"]!, log.Topics.Max(t => t.LastNs));
        foreach ((string topic, JsonNode? firsts) in expected["first_messages"]!.AsObject())
        {
            var messages = log.ReadMessages([topic]).ToList();
            JsonNode e = topics[topic]!;
            Assert.Equal((long)e["count"]!, messages.Count);
            Assert.Equal((long?)e["first_log_time_ns"], messages[0].LogTimeNs);
            Assert.Equal((long?)e["last_log_time_ns"], messages[^1].LogTimeNs);
            JsonArray list = firsts!.AsArray();
            for (int i = 0; i < list.Count; i++)
            {
                Assert.Equal((long)list[i]!["log_time_ns"]!, messages[i].LogTimeNs);
                AssertFields(list[i]!["data"]!, messages[i].Data, $"{topic}[{i}]");
            }
        }
    }

    private static void AssertFields(JsonNode expected, JsonNode? actual, string path)
    {
        switch (expected)
        {
            case JsonObject o:
                foreach ((string key, JsonNode? value) in o)
                {
                    Assert.True(actual is JsonObject a && a.ContainsKey(key), $"{path}.{key} missing");
                    AssertFields(value!, actual![key], $"{path}.{key}");
                }

                break;
            case JsonArray arr:
                Assert.True(actual is JsonArray b && b.Count == arr.Count, $"{path}: array length");
                for (int i = 0; i < arr.Count; i++)
                {
                    AssertFields(arr[i]!, actual![i], $"{path}[{i}]");
                }

                break;
            default:
                JsonValue v = expected.AsValue();
                if (v.TryGetValue(out string? s))
                {
                    Assert.Equal(s, actual!.GetValue<string>());
                }
                else
                {
                    double e = v.GetValue<double>();
                    double got = double.Parse(actual!.ToJsonString(), System.Globalization.CultureInfo.InvariantCulture);
                    Assert.True(Math.Abs(e - got) <= 1e-9 * Math.Max(1, Math.Abs(e)), $"{path}: {got} != {e}");
                }

                break;
        }
    }
}
