namespace MultiRate.Logs.Mcap;

/// <summary>A Chunk Index record (summary section): locates one chunk and its message indexes.</summary>
/// <param name="MessageStartTime">Earliest message log time in the chunk.</param>
/// <param name="MessageEndTime">Latest message log time in the chunk.</param>
/// <param name="ChunkStartOffset">Byte offset of the Chunk record.</param>
/// <param name="ChunkLength">Byte length of the Chunk record, opcode and length prefix included.</param>
/// <param name="MessageIndexOffsets">Byte offset of the Message Index record of each channel, in file order.</param>
/// <param name="MessageIndexLength">Total byte length of the chunk's Message Index records.</param>
/// <param name="Compression"><c>""</c>, <c>zstd</c> or <c>lz4</c>.</param>
/// <param name="CompressedSize">Size of the compressed records.</param>
/// <param name="UncompressedSize">Size of the decompressed records.</param>
public sealed record McapChunkIndex(ulong MessageStartTime, ulong MessageEndTime, ulong ChunkStartOffset, ulong ChunkLength, IReadOnlyList<KeyValuePair<ushort, ulong>> MessageIndexOffsets, ulong MessageIndexLength, string Compression, ulong CompressedSize, ulong UncompressedSize) : McapRecord
{
    /// <inheritdoc />
    public override McapOpcode Opcode => McapOpcode.ChunkIndex;
}
