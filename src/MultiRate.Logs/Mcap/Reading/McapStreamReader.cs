using System.Buffers.Binary;
using System.IO.Hashing;
using MultiRate.Logs.Abstractions;

namespace MultiRate.Logs.Mcap;

/// <summary>
/// Reads an MCAP file front to back, yielding every record in file order. Chunks are expanded in
/// place: their Schema, Channel and Message records are yielded instead of the Chunk itself.
/// </summary>
/// <remarks>
/// <para>Works on any readable stream (seeking is not needed), so it also reads files whose writer
/// crashed: every record up to the last complete one is yielded, then a
/// <see cref="LogFormatException"/> with <see cref="LogFormatException.IsTruncation"/> set is thrown.</para>
/// <para>Unknown bytes at the end of a record are skipped by the record length; unknown opcodes are
/// yielded as <see cref="McapUnknownRecord"/>. Chunk, attachment, data-section and summary CRCs are
/// checked when set. Memory is bounded by the largest record (or decompressed chunk), and no
/// buffer is ever sized from a length field that the stream cannot back.</para>
/// <para>Not thread-safe; the stream is read once and is not disposed.</para>
/// </remarks>
public sealed class McapStreamReader
{
    private readonly Stream _stream;
    private readonly string? _path;
    private readonly McapReaderOptions _options;
    private bool _started;

    /// <summary>Creates a reader over <paramref name="stream"/>, positioned at the leading magic.</summary>
    /// <param name="stream">The MCAP bytes.</param>
    /// <param name="path">File path for error messages (null for an anonymous stream).</param>
    /// <param name="options">Reader options (defaults when null).</param>
    public McapStreamReader(Stream stream, string? path = null, McapReaderOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        _stream = stream;
        _path = path;
        _options = options ?? new McapReaderOptions();
    }

    /// <summary>File offset of the top-level record being read (a chunk while its records are yielded); -1 before the first.</summary>
    internal long RecordOffset { get; private set; } = -1;

    /// <summary>Yields the records in file order, ending with the Footer. Can be enumerated once.</summary>
    /// <exception cref="LogFormatException">The file is truncated, corrupt or fails a CRC.</exception>
    public IEnumerable<McapRecord> ReadRecords()
    {
        if (_started)
        {
            throw new InvalidOperationException("McapStreamReader.ReadRecords can be enumerated only once.");
        }

        _started = true;
        return ReadRecordsCore();
    }

    private IEnumerable<McapRecord> ReadRecordsCore()
    {
        var source = new McapByteSource(_stream, _path, _options.EffectiveMaxRecordBytes);
        byte[] magic = new byte[8];
        ReadMagic(source, magic, "leading magic");
        var dataCrc = new Crc32();
        dataCrc.Append(magic);
        Crc32? summaryCrc = null;
        byte[] header = new byte[McapConstants.RecordHeaderSize];
        while (true)
        {
            long recordOffset = source.Position;
            RecordOffset = recordOffset;
            if (!source.TryReadExactly(header, "record opcode and length"))
            {
                throw new LogFormatException(_path, recordOffset, "end of file", "more records, a Footer and the closing magic, but the file ended", isTruncation: true);
            }

            byte opcode = header[0];
            string name = McapConstants.RecordName(opcode);
            byte[] body = source.ReadBody(BinaryPrimitives.ReadUInt64LittleEndian(header.AsSpan(1)), name, recordOffset);
            string label = $"{name} record at byte {recordOffset}";
            McapRecord record = McapRecordParser.Parse(opcode, body, _path, recordOffset + McapConstants.RecordHeaderSize, label, _options.ValidateCrcs);
            switch (record)
            {
                case McapDataEnd dataEnd when summaryCrc is null:
                    CheckCrc(dataEnd.DataSectionCrc, dataCrc, recordOffset, label, "data_section_crc");
                    summaryCrc = new Crc32();
                    yield return record;
                    continue;
                case McapFooter footer:
                    if (summaryCrc is not null)
                    {
                        summaryCrc.Append(header);
                        summaryCrc.Append(body.AsSpan(0, 16));
                        CheckCrc(footer.SummaryCrc, summaryCrc, recordOffset, label, "summary_crc");
                    }

                    ReadMagic(source, magic, "closing magic");
                    yield return record;
                    yield break;
            }

            Crc32 running = summaryCrc ?? dataCrc;
            running.Append(header);
            running.Append(body);
            if (record is McapChunk chunk)
            {
                foreach (McapRecord inner in ExpandChunk(chunk, recordOffset))
                {
                    yield return inner;
                }
            }
            else
            {
                yield return record;
            }
        }
    }

    private IEnumerable<McapRecord> ExpandChunk(McapChunk chunk, long chunkOffset)
    {
        ReadOnlyMemory<byte> records = McapChunkDecoder.Decompress(chunk, _path, chunkOffset, _options.EffectiveMaxChunkBytes, _options.ValidateCrcs);
        string where = $"Chunk at byte {chunkOffset}";
        foreach (McapRawRecord raw in McapRecordSplitter.Split(records, _path, -1, where))
        {
            string label = $"{McapConstants.RecordName(raw.Opcode)} record in {where} (uncompressed offset {raw.Offset})";
            yield return McapRecordParser.Parse(raw.Opcode, raw.Body, _path, -1, label, _options.ValidateCrcs);
        }
    }

    private void CheckCrc(uint expected, Crc32 crc, long recordOffset, string label, string field)
    {
        if (!_options.ValidateCrcs || expected == 0)
        {
            return;
        }

        uint actual = crc.GetCurrentHashAsUInt32();
        if (actual != expected)
        {
            throw new LogFormatException(_path, recordOffset, $"{label}, field {field}", $"CRC-32 0x{expected:X8}, computed 0x{actual:X8}");
        }
    }

    private void ReadMagic(McapByteSource source, byte[] buffer, string what)
    {
        long at = source.Position;
        source.ReadExactly(buffer, what);
        if (!buffer.AsSpan().SequenceEqual(McapConstants.Magic))
        {
            throw new LogFormatException(_path, at, what, $"the MCAP magic 89 4D 43 41 50 30 0D 0A, found {Convert.ToHexString(buffer)}");
        }
    }
}
