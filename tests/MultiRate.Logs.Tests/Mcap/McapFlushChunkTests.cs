using MultiRate.Logs.Abstractions;
using MultiRate.Logs.Mcap;
using Xunit;

namespace MultiRate.Logs.Tests.Mcap;

/// <summary><see cref="McapWriter.FlushChunk"/>: closes the open chunk on demand, with its message indexes.</summary>
public sealed class McapFlushChunkTests
{
    [Fact]
    public void FlushChunk_OpenChunkWithMessages_WritesItSoACutFileReadsThem()
    {
        using var stream = new MemoryStream();
        using var writer = NewWriter(stream);
        ushort channel = Channel(writer);
        Write(writer, channel, 0, 3);

        long before = stream.Length;
        writer.FlushChunk();
        byte[] cut = stream.ToArray();

        Assert.True(cut.Length > before);
        List<McapRecord> records = ReadTruncated(cut, out LogFormatException? error);
        Assert.Equal([0u, 1u, 2u], records.OfType<McapMessage>().Select(m => m.Sequence));
        Assert.Single(records.OfType<McapMessageIndex>());
        Assert.True(error!.IsTruncation);
    }

    [Fact]
    public void FlushChunk_EmptyChunk_WritesNothing()
    {
        using var stream = new MemoryStream();
        using var writer = NewWriter(stream);
        ushort channel = Channel(writer);
        Write(writer, channel, 0, 2);
        writer.FlushChunk();
        long afterFirst = stream.Length;

        writer.FlushChunk();

        Assert.Equal(afterFirst, stream.Length);
    }

    [Fact]
    public void FlushChunk_TwiceBetweenMessages_FinishedFileHasOneChunkIndexPerFlushAndEveryMessage()
    {
        using var stream = new MemoryStream();
        using (var writer = NewWriter(stream, leaveOpen: true))
        {
            ushort channel = Channel(writer);
            Write(writer, channel, 0, 3);
            writer.FlushChunk();
            Write(writer, channel, 3, 2);
            writer.FlushChunk();
            Write(writer, channel, 5, 1);
        }

        stream.Position = 0;
        McapIndexedReader reader = McapIndexedReader.Open(stream);
        Assert.Equal(3, reader.ChunkIndexes.Count);
        Assert.Equal([3, 2, 1], reader.ChunkIndexes.Select(c => reader.ReadMessageIndexes(c).Sum(i => i.Entries.Count)));
        Assert.Equal(Enumerable.Range(0, 6).Select(i => (uint)i), reader.ReadMessages().Select(m => m.Sequence));
        Assert.Equal(3UL, reader.Statistics!.ChunkCount);
    }

    [Fact]
    public void FlushChunk_AfterFinish_Throws()
    {
        using var stream = new MemoryStream();
        using var writer = NewWriter(stream);
        writer.Finish();

        Assert.Throws<InvalidOperationException>(writer.FlushChunk);
    }

    private static McapWriter NewWriter(Stream stream, bool leaveOpen = false) =>
        new(stream, new McapWriterOptions { Compression = McapCompression.Zstd, ChunkSize = 1 << 20 }, leaveOpen);

    private static ushort Channel(McapWriter writer) => writer.AddChannel(0, "/t", "json");

    private static void Write(McapWriter writer, ushort channel, int first, int count)
    {
        for (int i = first; i < first + count; i++)
        {
            writer.WriteMessage(channel, (uint)i, (ulong)i * 1000, (ulong)i * 1000, "{}"u8);
        }
    }

    private static List<McapRecord> ReadTruncated(byte[] bytes, out LogFormatException? error)
    {
        var records = new List<McapRecord>();
        error = null;
        try
        {
            records.AddRange(new McapStreamReader(new MemoryStream(bytes)).ReadRecords());
        }
        catch (LogFormatException e)
        {
            error = e;
        }

        return records;
    }
}
