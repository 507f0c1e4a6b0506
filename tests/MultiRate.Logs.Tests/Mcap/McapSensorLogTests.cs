using System.Text.Json.Nodes;
using MultiRate.Logs.Abstractions;
using MultiRate.Logs.Mcap;
using Xunit;

namespace MultiRate.Logs.Tests.Mcap;

public sealed class McapSensorLogTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("mcap-sensorlog-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Topics_IndexedFile_CountsAndTimesPerTopic()
    {
        using McapSensorLog log = McapSensorLog.Open(Save(McapSample.Build(McapSample.Options(McapCompression.Zstd), McapSample.TwoTopics)));

        Assert.Equal("mcap", log.Format);
        Assert.Equal(
            [new LogTopicInfo("/gps", 20, 0, 950, "json", ""), new LogTopicInfo("/imu", 100, 0, 990, "json", "Imu")],
            log.Topics);
        Assert.False(log.IsTruncated);
    }

    [Fact]
    public void Topics_UnindexedFile_ComesFromStreamedScan()
    {
        var options = new McapWriterOptions { UseChunks = false, UseStatistics = false, RepeatChannels = false, RepeatSchemas = false };
        using McapSensorLog log = McapSensorLog.Open(Save(McapSample.Build(options, McapSample.TwoTopics)));

        Assert.Equal([20L, 100L], log.Topics.Select(t => t.Count));
        Assert.Equal(990, log.Topics[1].LastNs);
    }

    [Fact]
    public void ReadMessages_JsonTopicAndRange_DecodesOnlyMatchingInLogTimeOrder()
    {
        using McapSensorLog log = McapSensorLog.Open(Save(McapSample.Build(McapSample.Options(McapCompression.Lz4), McapSample.TwoTopics)));

        List<LogMessage> messages = log.ReadMessages(["/imu"], 300, 350).ToList();

        Assert.Equal([300L, 310, 320, 330, 340, 350], messages.Select(m => m.LogTimeNs));
        Assert.All(messages, m => Assert.Equal("/imu", m.Topic));
        Assert.All(messages, m => Assert.Equal(m.LogTimeNs, m.Data["t"]!.GetValue<long>()));
    }

    [Fact]
    public void ReadMessages_CdrWithoutDecoder_ThrowsUnknownEncoding()
    {
        string path = Save(McapSample.Build(McapSample.Options(McapCompression.Zstd), CdrFile));
        using McapSensorLog log = McapSensorLog.Open(path);

        var error = Assert.Throws<LogFormatException>(() => log.ReadMessages().ToList());

        Assert.Contains("unknown encoding 'cdr' (schema encoding 'ros2msg')", error.Message, StringComparison.Ordinal);
        Assert.Contains("expected one of: json", error.Message, StringComparison.Ordinal);
        Assert.Equal(path, error.Path);
    }

    [Fact]
    public void ReadMessages_CdrWithRegisteredDecoder_UsesIt()
    {
        using McapSensorLog log = McapSensorLog.Open(Save(McapSample.Build(McapSample.Options(McapCompression.Zstd), CdrFile)), [new LengthDecoder()]);

        LogMessage message = Assert.Single(log.ReadMessages());

        Assert.Equal(3, message.Data["length"]!.GetValue<int>());
        Assert.Equal("pkg/msg/Thing", message.Data["schema"]!.GetValue<string>());
    }

    [Fact]
    public void ReadMessages_CrashedRecording_YieldsCompleteChunksThenTruncation()
    {
        string path = Save(McapSample.Build(McapSample.Options(McapCompression.Zstd), McapSample.TwoTopics, finish: false));
        using McapSensorLog log = McapSensorLog.Open(path);
        var seen = new List<LogMessage>();

        var error = Assert.Throws<LogFormatException>(() => seen.AddRange(log.ReadMessages()));

        Assert.True(error.IsTruncation);
        Assert.True(log.IsTruncated);
        Assert.Equal(seen.Count, log.Topics.Sum(t => t.Count));
        Assert.InRange(seen.Count, 80, 119);
    }

    [Fact]
    public void ReadMessages_CrashedRecordingWithAllowTruncated_EndsQuietly()
    {
        string path = Save(McapSample.Build(McapSample.Options(McapCompression.Zstd), McapSample.TwoTopics, finish: false));
        using McapSensorLog log = McapSensorLog.Open(path, options: new McapReaderOptions { AllowTruncated = true });

        List<LogMessage> messages = log.ReadMessages().ToList();

        Assert.Equal(log.Topics.Sum(t => t.Count), messages.Count);
        Assert.True(log.IsTruncated);
    }

    [Fact]
    public void Open_MissingFile_ThrowsLogFormatException()
    {
        var error = Assert.Throws<LogFormatException>(() => McapSensorLog.Open(Path.Combine(_dir, "nope.mcap")));

        Assert.Contains("nope.mcap", error.Message, StringComparison.Ordinal);
    }

    private static void CdrFile(McapWriter writer)
    {
        ushort schema = writer.AddSchema("pkg/msg/Thing", "ros2msg", "int32 x"u8);
        ushort channel = writer.AddChannel(schema, "/thing", "cdr");
        writer.WriteMessage(channel, 0, 5, 5, [1, 2, 3]);
    }

    private string Save(byte[] bytes)
    {
        string path = Path.Combine(_dir, $"{Guid.NewGuid():N}.mcap");
        File.WriteAllBytes(path, bytes);
        return path;
    }

    /// <summary>Stands in for the ROS 2 CDR decoder: reports the payload length and schema name.</summary>
    private sealed class LengthDecoder : IMcapMessageDecoder
    {
        public bool CanDecode(string messageEncoding, string schemaEncoding) => messageEncoding == "cdr" && schemaEncoding == "ros2msg";

        public JsonObject Decode(McapSchema? schema, ReadOnlySpan<byte> data) =>
            new() { ["length"] = data.Length, ["schema"] = schema?.Name };
    }
}
