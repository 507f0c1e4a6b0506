namespace MultiRate.Logs.Mcap;

/// <summary>A Chunk record: a block of (possibly compressed) Schema, Channel and Message records.</summary>
/// <param name="MessageStartTime">Earliest message log time in the chunk (0 when empty).</param>
/// <param name="MessageEndTime">Latest message log time in the chunk (0 when empty).</param>
/// <param name="UncompressedSize">Size of the records once decompressed.</param>
/// <param name="UncompressedCrc">CRC-32 of the decompressed records, or 0 when not set.</param>
/// <param name="Compression"><c>""</c>, <c>zstd</c> or <c>lz4</c>.</param>
/// <param name="Records">The (compressed) records bytes.</param>
public sealed record McapChunk(ulong MessageStartTime, ulong MessageEndTime, ulong UncompressedSize, uint UncompressedCrc, string Compression, ReadOnlyMemory<byte> Records) : McapRecord
{
    /// <inheritdoc />
    public override McapOpcode Opcode => McapOpcode.Chunk;
}
