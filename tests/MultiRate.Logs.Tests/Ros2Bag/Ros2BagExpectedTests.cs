using System.Text.Json.Nodes;
using MultiRate.Logs.Abstractions;
using Xunit;

namespace MultiRate.Logs.Tests.Ros2Bag;

/// <summary>The shipped rosbag2 bags read as their makers' readers read them (expected.json beside each).</summary>
public sealed class Ros2BagExpectedTests
{
    [Theory]
    [InlineData("ros2-db3-split-wbag", "ros2-sqlite3")]
    [InlineData("ros2-db3-tf-rosbags", "ros2-sqlite3")]
    [InlineData("ros2-mcap-rewriter-b", "ros2-mcap")]
    public void Open_ShippedBag_MatchesExpectedCountsTimesAndFirstMessages(string folder, string format)
    {
        string dir = Ros2BagTestData.Folder(folder);
        var expected = JsonNode.Parse(File.ReadAllText(Path.Combine(dir, "expected.json")))!.AsObject();

        // The bag folder for the split bag and the MCAP bag (metadata.yaml beside), the .db3 itself for the TF bag.
        string path = folder == "ros2-mcap-rewriter-b" ? dir : Path.Combine(dir, (string)expected["file"]!);
        using ISensorLog log = SensorLogs.Open(path);

        Assert.Equal(format, log.Format);
        JsonObject topics = expected["topics"]!.AsObject();
        Assert.Equal(topics.Select(t => t.Key).Order(StringComparer.Ordinal), log.Topics.Select(t => t.Name).Order(StringComparer.Ordinal));
        foreach (LogTopicInfo topic in log.Topics)
        {
            JsonNode e = topics[topic.Name]!;
            Assert.Equal((long)e["count"]!, topic.Count);
            Assert.Equal((string)e["schema"]!, topic.Schema);
            Assert.Equal((string)e["encoding"]!, topic.Encoding);
        }

        Assert.Equal((long)expected["start_ns"]!, log.Topics.Min(t => t.FirstNs));
        Assert.Equal((long)expected["end_ns"]!, log.Topics.Max(t => t.LastNs));
        foreach ((string topic, JsonNode? first) in expected["first_messages"]!.AsObject())
        {
            List<LogMessage> read = [.. log.ReadMessages([topic])];
            Assert.Equal((long)topics[topic]!["count"]!, read.Count);
            Assert.Equal((long)topics[topic]!["first_log_time_ns"]!, read[0].LogTimeNs);
            Assert.Equal((long)topics[topic]!["last_log_time_ns"]!, read[^1].LogTimeNs);
            JsonArray messages = first!.AsArray();
            for (int i = 0; i < messages.Count; i++)
            {
                Assert.Equal((long)messages[i]!["log_time_ns"]!, read[i].LogTimeNs);
                AssertSubset(messages[i]!["data"]!, read[i].Data, topic);
            }
        }
    }

    [Fact]
    public void ReadMessages_SplitBag_FollowsFilesInMetadataOrderAndIgnoresWrongMetadataTimes()
    {
        using ISensorLog log = SensorLogs.Open(Path.Combine(Ros2BagTestData.Folder("ros2-db3-split-wbag"), "wbag"));

        List<LogMessage> all = [.. log.ReadMessages()];

        Assert.Equal(6074, all.Count);
        Assert.Equal(6074, log.Coverage!.MessagesRead);
        Assert.False(log.Coverage.Damaged);
        Assert.Equal(1000, all[0].LogTimeNs);
        Assert.Equal(2998, all.Max(m => m.LogTimeNs));
        Assert.Equal("Hello, world! 1 - 1", (string)log.ReadMessages(["AAA", "CCC", "DDD"]).First().Data["data"]!);
        Assert.Equal([1001L, 1002, 1004], log.ReadMessages(["AAA", "CCC", "DDD"]).Take(3).Select(m => m.LogTimeNs));
        Assert.Equal([1500L, 1501], log.ReadMessages(null, 1500, 1501).Select(m => m.LogTimeNs).Distinct());
    }

    private static void AssertSubset(JsonNode expected, JsonNode? actual, string where)
    {
        switch (expected)
        {
            case JsonObject o:
                foreach ((string key, JsonNode? value) in o)
                {
                    Assert.True(actual is JsonObject a && a.ContainsKey(key), $"{where}.{key} missing");
                    AssertSubset(value!, actual![key], $"{where}.{key}");
                }

                break;
            case JsonArray arr:
                for (int i = 0; i < arr.Count; i++)
                {
                    AssertSubset(arr[i]!, actual!.AsArray()[i], $"{where}[{i}]");
                }

                break;
            default:
                JsonValue v = expected.AsValue();
                if (v.TryGetValue(out string? s))
                {
                    Assert.Equal(s, (string?)actual);
                }
                else
                {
                    double e = (double)v;
                    double got = double.Parse(actual!.ToJsonString(), System.Globalization.CultureInfo.InvariantCulture);
                    Assert.True(Math.Abs(e - got) <= 1e-6 * Math.Max(Math.Abs(e), Math.Abs(got)) + 1e-12, $"{where}: {got} != {e}");
                }

                break;
        }
    }
}
