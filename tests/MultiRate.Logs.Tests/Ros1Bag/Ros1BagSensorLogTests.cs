using System.Text.Json.Nodes;
using MultiRate.Logs.Abstractions;
using MultiRate.Logs.Ros1Bag;
using MultiRate.Logs.Tests.RealLogs;
using MultiRate.Logs.Tests.ULog;
using Xunit;
using static MultiRate.Logs.Tests.Ros1Bag.Ros1BagBuilder;

namespace MultiRate.Logs.Tests.Ros1Bag;

public sealed class Ros1BagSensorLogTests
{
    private static readonly string TfFolder = RepoPaths.TestData("ros1-bag-tf-lz4");

    [Fact]
    public void Open_TfBagWithLz4Chunks_MatchesRosbag()
    {
        using var log = Ros1BagSensorLog.Open(Path.Combine(TfFolder, "tf_example.bag"));
        ExpectedJson.AssertMatches(log, ExpectedJson.Load(TfFolder));
        Assert.True(log.Indexed);
        Assert.Empty(log.Notes);
    }

    [RealLogFact("ros1-bag-poses-uncompressed")]
    public void ReadMessages_PosesBagWithOverlappingChunks_MatchesRosbagInTimeOrder()
    {
        string folder = ExpectedJson.SharedFolder("ros1-bag-poses-uncompressed");
        using var log = Ros1BagSensorLog.Open(Path.Combine(folder, "ROS_example.bag"));
        ExpectedJson.AssertMatches(log, ExpectedJson.Load(folder));
        long[] times = log.ReadMessages().Select(m => m.LogTimeNs).ToArray();
        Assert.Equal(26566, times.Length);
        Assert.True(times.Zip(times.Skip(1)).All(p => p.First <= p.Second));
    }

    [Theory]
    [InlineData("none")]
    [InlineData("lz4")]
    [InlineData("bz2")]
    public void ReadMessages_EachCompression_DecodesEveryField(string compression)
    {
        byte[] bag = Bag("/s", compression, indexed: true, [(1_500_000_000L, Sample(4, 1_400_000_001L, [1.5, -2], "abc", 7, -8))]);
        using var log = Ros1BagSensorLog.Open("mem.bag", () => new MemoryStream(bag), allowTruncated: false);
        LogTopicInfo topic = Assert.Single(log.Topics);
        Assert.Equal(("/s", 1L, MessageType, "ros1"), (topic.Name, topic.Count, topic.Schema, topic.Encoding));
        LogMessage m = Assert.Single(log.ReadMessages());
        Assert.Equal(1_500_000_000L, m.LogTimeNs);
        JsonNode d = m.Data;
        Assert.Equal(4u, d["header"]!["seq"]!.GetValue<uint>());
        Assert.Equal(1u, d["header"]!["stamp"]!["secs"]!.GetValue<uint>());
        Assert.Equal(400_000_001u, d["header"]!["stamp"]!["nsecs"]!.GetValue<uint>());
        Assert.Equal("frame", (string)d["header"]!["frame_id"]!);
        Assert.Equal([1.5, -2], d["values"]!.AsArray().Select(v => v!.GetValue<double>()));
        Assert.Equal("abc", (string)d["name"]!);
        Assert.Equal([7, -8], d["pair"]!.AsArray().Select(v => v!.GetValue<int>()));
        Assert.False(d.AsObject().ContainsKey("CONST"));
    }

    [Fact]
    public void ReadMessages_OverlappingChunks_MergedInTimeOrderWithTimeRange()
    {
        byte[] p = Sample(0, 0, [], "x", 0, 0);
        byte[] bag = Bag("/s", "none", indexed: true, [(10, p), (30, p), (50, p)], [(20, p), (40, p)], [(5, p)]);
        using var log = Ros1BagSensorLog.Open("mem.bag", () => new MemoryStream(bag), allowTruncated: false);
        Assert.Equal([5L, 10, 20, 30, 40, 50], log.ReadMessages().Select(m => m.LogTimeNs));
        Assert.Equal([20L, 30, 40], log.ReadMessages(null, 15, 45).Select(m => m.LogTimeNs));
        Assert.Equal((6L, 5L, 50L), (log.Topics[0].Count, log.Topics[0].FirstNs, log.Topics[0].LastNs));
    }

    [Fact]
    public void ReadMessages_UnindexedBag_ScansChunksInFileOrderWithANote()
    {
        byte[] p = Sample(0, 0, [], "x", 0, 0);
        byte[] bag = Bag("/s", "bz2", indexed: false, [(10, p), (30, p)], [(20, p)]);
        using var log = Ros1BagSensorLog.Open("mem.bag", () => new MemoryStream(bag), allowTruncated: false);
        Assert.False(log.Indexed);
        Assert.Contains("scanning", Assert.Single(log.Notes), StringComparison.Ordinal);
        Assert.Equal((3L, 10L, 30L), (log.Topics[0].Count, log.Topics[0].FirstNs, log.Topics[0].LastNs));
        Assert.Equal([10L, 30, 20], log.ReadMessages().Select(m => m.LogTimeNs));
    }

    [Fact]
    public void ReadMessages_PayloadLongerThanDefinition_ThrowsNamingTopicTypeAndOffset()
    {
        byte[] bag = Bag("/s", "none", indexed: true, [(10, [.. Sample(0, 0, [], "x", 0, 0), 0xEE])]);
        using var log = Ros1BagSensorLog.Open("mem.bag", () => new MemoryStream(bag), allowTruncated: false);
        var ex = Assert.Throws<LogFormatException>(() => log.ReadMessages().ToList());
        Assert.Contains("'/s'", ex.Message, StringComparison.Ordinal);
        Assert.Contains(MessageType, ex.Message, StringComparison.Ordinal);
        Assert.Contains("ends at offset 38", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_TruncatedBag_FailsStrictAndReadsAPrefixWhenAllowed()
    {
        byte[] whole = File.ReadAllBytes(Path.Combine(TfFolder, "tf_example.bag"));
        byte[] cut = whole[..(whole.Length / 2)];
        var ex = Assert.Throws<LogFormatException>(() => Ros1BagSensorLog.Open("cut.bag", () => new MemoryStream(cut), allowTruncated: false));
        Assert.True(ex.IsTruncation);

        using var log = Ros1BagSensorLog.Open("cut.bag", () => new MemoryStream(cut), allowTruncated: true);
        Assert.False(log.Indexed);
        var messages = log.ReadMessages().ToList();
        Assert.True(log.Coverage!.Damaged && log.Coverage.Truncated);
        Assert.Equal(messages.Count, log.Topics.Sum(t => t.Count));
        using var full = Ros1BagSensorLog.Open(Path.Combine(TfFolder, "tf_example.bag"));
        var expected = full.ReadMessages().Take(messages.Count).Select(m => (m.Topic, m.LogTimeNs)).OrderBy(x => x).ToList();
        Assert.Equal(expected, messages.Select(m => (m.Topic, m.LogTimeNs)).OrderBy(x => x).ToList());
    }

    [Fact]
    public void Open_SensorLogs_ChoosesRos1BagByMagic()
    {
        using ISensorLog log = SensorLogs.Open(Path.Combine(TfFolder, "tf_example.bag"));
        Assert.IsType<Ros1BagSensorLog>(log);
        Assert.Equal("ros1-bag", log.Format);
    }
}
