using System.Buffers.Binary;
using MultiRate.Logs.Abstractions;

namespace MultiRate.Logs.Mcap;

/// <summary>One raw record inside an in-memory block (chunk records or summary section).</summary>
/// <param name="Opcode">Opcode byte.</param>
/// <param name="Body">Record body.</param>
/// <param name="Offset">Offset of the record's opcode inside the block.</param>
internal readonly record struct McapRawRecord(byte Opcode, ReadOnlyMemory<byte> Body, int Offset);

/// <summary>Splits an in-memory block of records, checking every length against the block.</summary>
internal static class McapRecordSplitter
{
    /// <param name="block">The records.</param>
    /// <param name="path">File path for errors.</param>
    /// <param name="blockFileOffset">File offset of the block, or -1 when it was decompressed.</param>
    /// <param name="where">Block description for errors (e.g. <c>Chunk at byte 28</c>).</param>
    public static IEnumerable<McapRawRecord> Split(ReadOnlyMemory<byte> block, string? path, long blockFileOffset, string where)
    {
        int pos = 0;
        while (pos < block.Length)
        {
            int left = block.Length - pos;
            long at = blockFileOffset < 0 ? -1 : blockFileOffset + pos;
            if (left < McapConstants.RecordHeaderSize)
            {
                throw new LogFormatException(path, at, $"record in {where} at offset {pos}", $"a 9-byte opcode and length, but only {left} bytes remain");
            }

            byte opcode = block.Span[pos];
            ulong length = BinaryPrimitives.ReadUInt64LittleEndian(block.Span.Slice(pos + 1, 8));
            if (length > (ulong)(left - McapConstants.RecordHeaderSize))
            {
                throw new LogFormatException(
                    path, at, $"{McapConstants.RecordName(opcode)} record in {where} at offset {pos}",
                    $"a length of at most the {left - McapConstants.RecordHeaderSize} bytes left, found {length}");
            }

            yield return new McapRawRecord(opcode, block.Slice(pos + McapConstants.RecordHeaderSize, (int)length), pos);
            pos += McapConstants.RecordHeaderSize + (int)length;
        }
    }
}
