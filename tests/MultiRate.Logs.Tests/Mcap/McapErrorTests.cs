using System.Buffers.Binary;
using MultiRate.Logs.Abstractions;
using MultiRate.Logs.Mcap;
using Xunit;

namespace MultiRate.Logs.Tests.Mcap;

public sealed class McapErrorTests
{
    private static readonly byte[] Magic = [0x89, (byte)'M', (byte)'C', (byte)'A', (byte)'P', 0x30, (byte)'\r', (byte)'\n'];

    [Fact]
    public void StreamReader_CorruptChunkRecords_ThrowsCrcErrorAtChunkOffset()
    {
        byte[] bytes = McapSample.Build(McapSample.Options(McapCompression.None), McapSample.TwoTopics);
        McapChunkIndex chunk = McapIndexedReader.Open(new MemoryStream(bytes)).ChunkIndexes[1];
        bytes[chunk.ChunkStartOffset + chunk.ChunkLength - 2] ^= 0x01;

        var error = Assert.Throws<LogFormatException>(() => ReadAll(bytes));

        Assert.Equal((long)chunk.ChunkStartOffset, error.Offset);
        Assert.Contains("uncompressed_crc", error.Message, StringComparison.Ordinal);
        Assert.False(error.IsTruncation);
    }

    [Fact]
    public void IndexedReader_CorruptChunkRecords_ThrowsCrcErrorAtChunkOffset()
    {
        byte[] bytes = McapSample.Build(McapSample.Options(McapCompression.None), McapSample.TwoTopics);
        McapChunkIndex chunk = McapIndexedReader.Open(new MemoryStream(bytes)).ChunkIndexes[0];
        bytes[chunk.ChunkStartOffset + chunk.ChunkLength - 2] ^= 0x01;
        McapIndexedReader reader = McapIndexedReader.Open(new MemoryStream(bytes), "bad.mcap");

        var error = Assert.Throws<LogFormatException>(() => reader.ReadMessages().ToList());

        Assert.Equal((long)chunk.ChunkStartOffset, error.Offset);
        Assert.StartsWith($"bad.mcap at byte {chunk.ChunkStartOffset}: Chunk record", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void StreamReader_CorruptHeader_ThrowsDataSectionCrcErrorAtDataEnd()
    {
        byte[] bytes = McapSample.Build(McapSample.Options(McapCompression.Zstd), McapSample.TwoTopics);
        long dataEnd = (long)McapIndexedReader.Open(new MemoryStream(bytes)).Footer.SummaryStart - 13;
        bytes[8 + 9 + 4 + 4] ^= 0x20; // First letter of the Header's library name.

        var error = Assert.Throws<LogFormatException>(() => ReadAll(bytes));

        Assert.Equal(dataEnd, error.Offset);
        Assert.Contains("data_section_crc", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void IndexedReader_CorruptSummary_ThrowsSummaryCrcError()
    {
        byte[] bytes = McapSample.Build(McapSample.Options(McapCompression.Zstd), McapSample.TwoTopics);
        long summaryStart = (long)McapIndexedReader.Open(new MemoryStream(bytes)).Footer.SummaryStart;
        bytes[summaryStart + 12] ^= 0x01;

        var error = Assert.Throws<LogFormatException>(() => McapIndexedReader.Open(new MemoryStream(bytes)));

        Assert.Equal(bytes.Length - 37, error.Offset);
        Assert.Contains("summary_crc", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Readers_TruncatedFile_ThrowTruncationErrors()
    {
        byte[] bytes = McapSample.Build(McapSample.Options(McapCompression.Zstd), McapSample.TwoTopics);
        byte[] half = bytes[..(bytes.Length / 2)];

        var streamed = Assert.Throws<LogFormatException>(() => ReadAll(half));
        var indexed = Assert.Throws<LogFormatException>(() => McapIndexedReader.Open(new MemoryStream(half)));

        Assert.True(streamed.IsTruncation);
        Assert.InRange(streamed.Offset, 8, half.Length);
        Assert.True(indexed.IsTruncation);
    }

    [Fact]
    public void StreamReader_NotMcap_ThrowsMagicError()
    {
        var error = Assert.Throws<LogFormatException>(() => ReadAll("timestamp,x\n1,2\n"u8.ToArray()));

        Assert.Equal(0, error.Offset);
        Assert.False(error.IsTruncation);
        Assert.Contains("MCAP magic", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void StreamReader_RecordLength2Pow60_ThrowsWithoutHugeAllocation()
    {
        byte[] bytes = [.. Magic, 0x01, .. Le64(1UL << 60), 0, 0, 0, 0];

        long before = GC.GetAllocatedBytesForCurrentThread();
        var error = Assert.Throws<LogFormatException>(() => ReadAll(bytes));
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(8, error.Offset);
        Assert.False(error.IsTruncation);
        Assert.Contains("Header record length", error.Message, StringComparison.Ordinal);
        Assert.True(allocated < 1_000_000, $"allocated {allocated} bytes");
    }

    [Fact]
    public void StreamReader_NonSeekableLyingLength_ThrowsTruncationWithoutHugeAllocation()
    {
        byte[] bytes = [.. Magic, 0x01, .. Le64(512UL << 20), 0, 0, 0, 0];

        long before = GC.GetAllocatedBytesForCurrentThread();
        var error = Assert.Throws<LogFormatException>(() => new McapStreamReader(new NonSeekableStream(bytes)).ReadRecords().ToList());
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.True(error.IsTruncation);
        Assert.Equal(8, error.Offset);
        Assert.True(allocated < 4_000_000, $"allocated {allocated} bytes");
    }

    [Fact]
    public void StreamReader_LyingStringLength_ThrowsNamingField()
    {
        byte[] header = [0x01, .. Le64(8), 0, 0, 0, 0, 0, 0, 0, 0];
        byte[] schema = [0x03, .. Le64(10), 1, 0, 0xF0, 0xFF, 0xFF, 0xFF, 0, 0, 0, 0];
        byte[] bytes = [.. Magic, .. header, .. schema];

        var error = Assert.Throws<LogFormatException>(() => ReadAll(bytes));

        Assert.Contains("Schema record at byte 25, field name", error.Message, StringComparison.Ordinal);
        Assert.Equal(25 + 9 + 6, error.Offset);
    }

    [Fact]
    public void StreamReader_ZstdChunkLyingUncompressedSize_ThrowsWithoutHugeAllocation()
    {
        byte[] bytes = McapSample.Build(McapSample.Options(McapCompression.Zstd), McapSample.TwoTopics);
        ulong chunkStart = McapIndexedReader.Open(new MemoryStream(bytes)).ChunkIndexes[0].ChunkStartOffset;
        BinaryPrimitives.WriteUInt64LittleEndian(bytes.AsSpan((int)chunkStart + 9 + 16), 900_000_000);

        long before = GC.GetAllocatedBytesForCurrentThread();
        var error = Assert.Throws<LogFormatException>(() => ReadAll(bytes));
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal((long)chunkStart, error.Offset);
        Assert.Contains("uncompressed_size is 900000000", error.Message, StringComparison.Ordinal); // refused by the decompressed-chunk cap, before decompressing
        Assert.True(allocated < 8_000_000, $"allocated {allocated} bytes");
    }

    [Theory]
    [InlineData(McapCompression.Zstd)]
    [InlineData(McapCompression.Lz4)]
    public void StreamReader_ChunkDeclaresFewerBytesThanItHolds_ThrowsNamingTheSize(McapCompression compression)
    {
        byte[] bytes = McapSample.Build(McapSample.Options(compression), McapSample.TwoTopics);
        ulong chunkStart = McapIndexedReader.Open(new MemoryStream(bytes)).ChunkIndexes[0].ChunkStartOffset;
        ulong declared = BinaryPrimitives.ReadUInt64LittleEndian(bytes.AsSpan((int)chunkStart + 9 + 16));
        BinaryPrimitives.WriteUInt64LittleEndian(bytes.AsSpan((int)chunkStart + 9 + 16), declared - 1);

        var error = Assert.Throws<LogFormatException>(() => ReadAll(bytes));

        Assert.Equal((long)chunkStart, error.Offset);
        Assert.Contains($"{declared - 1} bytes of records (uncompressed_size), found more", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Writer_UnknownChannel_ThrowsArgumentException()
    {
        using var writer = new McapWriter(new MemoryStream());

        Assert.Throws<ArgumentException>(() => writer.WriteMessage(7, 0, 0, 0, [1]));
        Assert.Throws<ArgumentException>(() => writer.AddChannel(3, "/x", "json"));
    }

    private static List<McapRecord> ReadAll(byte[] bytes) => new McapStreamReader(new MemoryStream(bytes)).ReadRecords().ToList();

    private static byte[] Le64(ulong value)
    {
        byte[] bytes = new byte[8];
        BinaryPrimitives.WriteUInt64LittleEndian(bytes, value);
        return bytes;
    }

    /// <summary>A stream that cannot seek, like a pipe.</summary>
    private sealed class NonSeekableStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;

        public override long Length => throw new NotSupportedException();
    }
}
