using MultiRate.Core.Errors;
using MultiRate.Logs.Abstractions;
using Xunit;
using ZstdSharp;

namespace MultiRate.Logs.Tests.Ros2Bag;

/// <summary>Where definitions come from, exact payload checks, compression and what is not a bag.</summary>
public sealed class Ros2BagDefinitionTests : IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("multirate-ros2bag-").FullName;

    public void Dispose() => Directory.Delete(dir, recursive: true);

    [Fact]
    public void ReadMessages_TypeWithWrongDefinition_ThrowsNamingTopicTypeAndOffset()
    {
        // A String payload on a topic declared std_msgs/msg/Int32: Int32 reads 4 of the 12 bytes.
        string db3 = Path.Combine(dir, "a.db3");
        Ros2BagTestData.WriteDb3(db3, [(1, "/chatter", "std_msgs/msg/Int32")], [(1, 5, Ros2BagTestData.StringPayload("hello!"))]);
        using ISensorLog log = SensorLogs.Open(db3);

        var ex = Assert.Throws<LogFormatException>(() => log.ReadMessages().ToList());

        Assert.Contains("/chatter", ex.Message, StringComparison.Ordinal);
        Assert.Contains("std_msgs/msg/Int32", ex.Message, StringComparison.Ordinal);
        Assert.Contains("payload byte 8", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadMessages_StoredDefinition_IsUsedBeforeShippedOnes()
    {
        // The bag says its std_msgs/msg/String is two int32s: the stored text wins and consumes the 12 bytes (length 4, then "abc\0").
        string db3 = Path.Combine(dir, "b.db3");
        Ros2BagTestData.WriteDb3(db3, [(1, "/x", "std_msgs/msg/String")], [(1, 5, Ros2BagTestData.StringPayload("abc"))], [("std_msgs/msg/String", "int32 a\nint32 b")]);
        using ISensorLog log = SensorLogs.Open(db3);

        LogMessage m = Assert.Single(log.ReadMessages());

        Assert.Equal(4, (long)m.Data["a"]!);
        Assert.Equal(BitConverter.ToInt32("abc\0"u8), (long)m.Data["b"]!);
    }

    [Fact]
    public void ReadMessages_TypeOnlyUnderMessagePath_DecodesWithItAndFailsWithoutIt()
    {
        string share = Path.Combine(dir, "share");
        Directory.CreateDirectory(Path.Combine(share, "my_pkg", "msg"));
        File.WriteAllText(Path.Combine(share, "my_pkg", "msg", "Reading.msg"), "# a comment\nstd_msgs/Header header\nfloat32 value\n");
        byte[] payload = [0, 1, 0, 0, 7, 0, 0, 0, 9, 0, 0, 0, 2, 0, 0, 0, (byte)'m', 0, 0, 0, 0, 0, 0xC0, 0x3F];
        string db3 = Path.Combine(dir, "c.db3");
        Ros2BagTestData.WriteDb3(db3, [(3, "/r", "my_pkg/msg/Reading")], [(3, 10, payload)]);

        using (ISensorLog log = SensorLogs.Open(db3, new SensorLogOptions { MessagePaths = [share] }))
        {
            LogMessage m = Assert.Single(log.ReadMessages());
            Assert.Equal(1.5f, (float)m.Data["value"]!);
            Assert.Equal("m", (string)m.Data["header"]!["frame_id"]!);
            Assert.Equal(7, (long)m.Data["header"]!["stamp"]!["sec"]!);
        }

        using ISensorLog without = SensorLogs.Open(db3);
        var ex = Assert.Throws<LogFormatException>(() => without.ReadMessages().ToList());
        Assert.Contains("my_pkg/msg/Reading", ex.Message, StringComparison.Ordinal);
        Assert.Contains("message path", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("FILE")]
    [InlineData("MESSAGE")]
    public void Open_ZstdCompressedBag_ReadsEveryFileInMetadataOrder(string mode)
    {
        string bag = Path.Combine(dir, "bag");
        Directory.CreateDirectory(bag);
        using var zstd = new Compressor();
        byte[] Payload(string s) => mode == "MESSAGE" ? zstd.Wrap(Ros2BagTestData.StringPayload(s)).ToArray() : Ros2BagTestData.StringPayload(s);
        Ros2BagTestData.WriteDb3(Path.Combine(bag, "bag_0.db3"), [(1, "/s", "std_msgs/msg/String")], [(1, 20, Payload("one")), (1, 10, Payload("zero"))]);
        Ros2BagTestData.WriteDb3(Path.Combine(bag, "bag_1.db3"), [(4, "/s", "std_msgs/msg/String")], [(4, 30, Payload("two"))]);
        string[] files = ["bag_0.db3", "bag_1.db3"];
        if (mode == "FILE")
        {
            foreach (string f in files)
            {
                File.WriteAllBytes(Path.Combine(bag, f + ".zstd"), zstd.Wrap(File.ReadAllBytes(Path.Combine(bag, f))).ToArray());
                File.Delete(Path.Combine(bag, f));
            }

            files = [.. files.Select(f => f + ".zstd")];
        }

        File.WriteAllText(Path.Combine(bag, "metadata.yaml"), Ros2BagTestData.Metadata("sqlite3", files, "zstd", mode));
        using ISensorLog log = SensorLogs.Open(bag);

        Assert.Equal(["zero", "one", "two"], log.ReadMessages().Select(m => (string)m.Data["data"]!));
        LogTopicInfo topic = Assert.Single(log.Topics);
        Assert.Equal((3L, 10L, 30L), (topic.Count, topic.FirstNs, topic.LastNs));
    }

    [Fact]
    public void Open_McapBagWithEmptySchemaAndCompressedMessages_DecodesWithShippedDefinition()
    {
        // rosbag2 can write MCAP Schema records without text; MESSAGE mode compresses each payload.
        string bag = Path.Combine(dir, "mbag");
        Directory.CreateDirectory(bag);
        using var zstd = new Compressor();
        using (FileStream file = File.Create(Path.Combine(bag, "mbag_0.mcap")))
        using (var writer = new MultiRate.Logs.Mcap.McapWriter(file))
        {
            ushort schema = writer.AddSchema("std_msgs/msg/String", "ros2msg", []);
            ushort channel = writer.AddChannel(schema, "/talk", "cdr");
            writer.WriteMessage(channel, 0, 7, 7, zstd.Wrap(Ros2BagTestData.StringPayload("hi")));
            writer.Finish();
        }

        File.WriteAllText(Path.Combine(bag, "metadata.yaml"), Ros2BagTestData.Metadata("mcap", ["mbag_0.mcap"], "zstd", "MESSAGE"));
        using ISensorLog log = SensorLogs.Open(Path.Combine(bag, "metadata.yaml"));

        LogMessage m = Assert.Single(log.ReadMessages());
        Assert.Equal("ros2-mcap", log.Format);
        Assert.Equal(("/talk", 7L, "hi"), (m.Topic, m.LogTimeNs, (string)m.Data["data"]!));
    }

    [Fact]
    public void Open_FolderWithoutMetadata_SaysWhatWasExpected()
    {
        var ex = Assert.Throws<UserInputException>(() => SensorLogs.Open(dir));

        Assert.Contains("metadata.yaml", ex.Message, StringComparison.Ordinal);
        Assert.StartsWith(dir, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_MetadataNamingMissingMember_ThrowsNamingTheFile()
    {
        File.WriteAllText(Path.Combine(dir, "metadata.yaml"), Ros2BagTestData.Metadata("sqlite3", ["gone_0.db3"]));

        var ex = Assert.Throws<LogFormatException>(() => SensorLogs.Open(dir));

        Assert.Contains("gone_0.db3", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_NegativeLogTime_ThrowsNamingTheFile()
    {
        string db3 = Path.Combine(dir, "neg.db3");
        Ros2BagTestData.WriteDb3(db3, [(1, "/s", "std_msgs/msg/String")], [(1, -5, Ros2BagTestData.StringPayload("x"))]);

        var ex = Assert.Throws<LogFormatException>(() => SensorLogs.Open(db3));

        Assert.Contains("neg.db3", ex.Message, StringComparison.Ordinal);
        Assert.Contains("-5", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_MetadataThatIsNotRosbag2_ThrowsNamingTheKey()
    {
        string yaml = Path.Combine(dir, "metadata.yaml");
        File.WriteAllText(yaml, "something_else:\n  version: 4\n");

        var ex = Assert.Throws<LogFormatException>(() => SensorLogs.Open(yaml));

        Assert.Contains("rosbag2_bagfile_information", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_MetadataWithUnsupportedCompression_ThrowsNamingIt()
    {
        File.WriteAllText(Path.Combine(dir, "metadata.yaml"), Ros2BagTestData.Metadata("sqlite3", ["a.db3"], "lz4", "FILE"));

        var ex = Assert.Throws<LogFormatException>(() => SensorLogs.Open(dir));

        Assert.Contains("compression_format", ex.Message, StringComparison.Ordinal);
        Assert.Contains("lz4", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_TruncatedDb3_ThrowsLogFormatException()
    {
        string source = Path.Combine(Ros2BagTestData.Folder("ros2-db3-tf-rosbags"), "tf_example.db3");
        byte[] bytes = File.ReadAllBytes(source);
        string cut = Path.Combine(dir, "cut.db3");
        File.WriteAllBytes(cut, bytes[..(bytes.Length / 2)]);

        var ex = Assert.ThrowsAny<LogFormatException>(() =>
        {
            using ISensorLog log = SensorLogs.Open(cut);
            _ = log.Topics;
            _ = log.ReadMessages().ToList();
        });

        Assert.Contains("cut.db3", ex.Message, StringComparison.Ordinal);
    }
}
