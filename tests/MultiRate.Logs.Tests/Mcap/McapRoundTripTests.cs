using System.Text;
using MultiRate.Logs.Abstractions;
using MultiRate.Logs.Mcap;
using Xunit;

namespace MultiRate.Logs.Tests.Mcap;

public sealed class McapRoundTripTests
{
    [Theory]
    [InlineData(McapCompression.Zstd, "zstd")]
    [InlineData(McapCompression.Lz4, "lz4")]
    [InlineData(McapCompression.None, "")]
    public void IndexedReader_WrittenFile_YieldsAllMessagesInLogTimeOrder(McapCompression compression, string name)
    {
        byte[] bytes = McapSample.Build(McapSample.Options(compression), McapSample.TwoTopics);

        McapIndexedReader reader = McapIndexedReader.Open(new MemoryStream(bytes));
        List<McapMessage> messages = reader.ReadMessages().ToList();

        Assert.True(reader.ChunkIndexes.Count > 3, $"expected several chunks, got {reader.ChunkIndexes.Count}");
        Assert.All(reader.ChunkIndexes, c => Assert.Equal(name, c.Compression));
        Assert.Equal(120, messages.Count);
        Assert.Equal(messages.Select(m => m.LogTime).Order(), messages.Select(m => m.LogTime));
        Assert.All(messages, m => Assert.Contains($"\"t\":{m.LogTime}}}", Encoding.UTF8.GetString(m.Data.Span), StringComparison.Ordinal));
        Assert.Equal(120UL, reader.Statistics!.MessageCount);
        Assert.Equal(["/imu", "/gps"], reader.Channels.Values.OrderBy(c => c.Id).Select(c => c.Topic));
        Assert.Equal("Imu", reader.Schemas[1].Name);
    }

    [Theory]
    [InlineData(McapCompression.Zstd)]
    [InlineData(McapCompression.Lz4)]
    public void StreamReader_WrittenFile_YieldsMessagesInFileOrder(McapCompression compression)
    {
        byte[] bytes = McapSample.Build(McapSample.Options(compression), McapSample.TwoTopics);

        List<McapRecord> records = new McapStreamReader(new MemoryStream(bytes)).ReadRecords().ToList();

        List<uint> sequences = records.OfType<McapMessage>().Select(m => m.Sequence).ToList();
        Assert.Equal(Enumerable.Range(0, 120).Select(i => (uint)i), sequences);
        Assert.IsType<McapHeader>(records[0]);
        Assert.IsType<McapFooter>(records[^1]);
        Assert.Single(records.OfType<McapDataEnd>());
    }

    [Fact]
    public void ReadMessages_TimeRangeAndChannel_ReturnsOnlyMatchingInclusive()
    {
        byte[] bytes = McapSample.Build(McapSample.Options(McapCompression.Zstd), McapSample.TwoTopics);
        McapIndexedReader reader = McapIndexedReader.Open(new MemoryStream(bytes));

        List<McapMessage> range = reader.ReadMessages(100, 200).ToList();
        List<McapMessage> gpsOnly = reader.ReadMessages(100, 200, [2]).ToList();

        Assert.Equal(Enumerable.Range(0, 11).Select(i => 100UL + (ulong)(10 * i)), range.Where(m => m.ChannelId == 1).Select(m => m.LogTime));
        Assert.Equal([100UL, 150UL, 200UL], gpsOnly.Select(m => m.LogTime));
        Assert.All(range, m => Assert.InRange(m.LogTime, 100UL, 200UL));
    }

    [Fact]
    public void IndexedReader_AttachmentAndMetadata_ReadBackThroughIndexes()
    {
        byte[] bytes = McapSample.Build(McapSample.Options(McapCompression.Zstd), w =>
        {
            w.AddAttachment("calib.yaml", "text/yaml", 5, 4, "k: 1"u8);
            w.AddMetadata("run", new Dictionary<string, string> { ["robot"] = "arm-1", ["rate"] = "200" });
        });

        McapIndexedReader reader = McapIndexedReader.Open(new MemoryStream(bytes));
        McapAttachment attachment = reader.ReadAttachment(Assert.Single(reader.AttachmentIndexes));
        McapMetadata metadata = reader.ReadMetadata(Assert.Single(reader.MetadataIndexes));

        Assert.Equal("k: 1", Encoding.UTF8.GetString(attachment.Data.Span));
        Assert.NotEqual(0u, attachment.Crc);
        Assert.Equal([new("robot", "arm-1"), new("rate", "200")], metadata.Metadata);
    }

    [Fact]
    public void StreamReader_WriterNeverFinished_YieldsCompleteChunksThenTruncation()
    {
        byte[] bytes = McapSample.Build(McapSample.Options(McapCompression.Zstd), McapSample.TwoTopics, finish: false);
        var messages = new List<McapMessage>();

        var error = Assert.Throws<LogFormatException>(() =>
        {
            foreach (McapRecord record in new McapStreamReader(new MemoryStream(bytes), "crash.mcap").ReadRecords())
            {
                if (record is McapMessage message)
                {
                    messages.Add(message);
                }
            }
        });

        Assert.True(error.IsTruncation);
        Assert.Equal(bytes.Length, error.Offset);
        Assert.InRange(messages.Count, 80, 119);
        Assert.Equal(Enumerable.Range(0, messages.Count).Select(i => (uint)i), messages.Select(m => m.Sequence));
    }

    [Fact]
    public void Writer_UnchunkedWithoutSummary_IsReadableByStreamReader()
    {
        var options = new McapWriterOptions { UseChunks = false, UseStatistics = false, RepeatChannels = false, RepeatSchemas = false, UseSummaryOffsets = false };
        byte[] bytes = McapSample.Build(options, McapSample.TwoTopics);

        List<McapRecord> records = new McapStreamReader(new MemoryStream(bytes)).ReadRecords().ToList();

        Assert.Equal(120, records.OfType<McapMessage>().Count());
        Assert.Equal(0UL, records.OfType<McapFooter>().Single().SummaryStart);
    }
}
