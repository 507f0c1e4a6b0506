using System.Buffers.Binary;
using System.IO.Hashing;
using MultiRate.Logs.Abstractions;

namespace MultiRate.Logs.Mcap;

/// <summary>Reads the magic, Header, Footer and summary section of a seekable MCAP file.</summary>
internal static class McapSummaryLoader
{
    public static McapSummary Load(Stream stream, McapByteSource source, string? path, McapReaderOptions options)
    {
        long length = stream.Length;
        const long minimum = 8 + McapConstants.RecordHeaderSize + McapConstants.FooterAndMagicSize;
        if (length < minimum)
        {
            throw new LogFormatException(path, length, "file", $"at least {minimum} bytes (magic, Header, Footer, magic), found {length}", isTruncation: true);
        }

        byte[] magic = new byte[8];
        source.Seek(0);
        source.ReadExactly(magic, "leading magic");
        CheckMagic(magic, path, 0, "leading magic", truncation: false);
        var header = (McapHeader)ReadRecordAt(source, path, 8, McapOpcode.Header, options);

        long footerOffset = length - McapConstants.FooterAndMagicSize;
        byte[] tail = new byte[McapConstants.FooterAndMagicSize];
        source.Seek(footerOffset);
        source.ReadExactly(tail, "Footer record and closing magic");
        CheckMagic(tail.AsSpan(tail.Length - 8), path, length - 8, "closing magic (a file whose writer did not finish has none)", truncation: true);
        ulong footerLength = BinaryPrimitives.ReadUInt64LittleEndian(tail.AsSpan(1));
        if (tail[0] != (byte)McapOpcode.Footer || footerLength != McapConstants.FooterBodySize)
        {
            throw new LogFormatException(path, footerOffset, "Footer record", $"opcode 0x02 with length 20, found opcode 0x{tail[0]:X2} with length {footerLength}");
        }

        var footer = new McapFooter(
            BinaryPrimitives.ReadUInt64LittleEndian(tail.AsSpan(9)),
            BinaryPrimitives.ReadUInt64LittleEndian(tail.AsSpan(17)),
            BinaryPrimitives.ReadUInt32LittleEndian(tail.AsSpan(25)));
        var summary = new McapSummary { Header = header, Footer = footer };
        if (footer.SummaryStart == 0)
        {
            return summary;
        }

        if (footer.SummaryStart < 8 || footer.SummaryStart > (ulong)footerOffset)
        {
            throw new LogFormatException(path, footerOffset, "Footer record, field summary_start", $"an offset between 8 and {footerOffset}, found {footer.SummaryStart}");
        }

        long summaryStart = (long)footer.SummaryStart;
        long summaryLength = footerOffset - summaryStart;
        if (summaryLength > options.EffectiveMaxRecordBytes)
        {
            throw new LogFormatException(path, summaryStart, "summary section", $"at most {options.EffectiveMaxRecordBytes} bytes (the reader's limit), found {summaryLength}");
        }

        byte[] block = new byte[summaryLength];
        source.Seek(summaryStart);
        source.ReadExactly(block, "summary section");
        if (options.ValidateCrcs && footer.SummaryCrc != 0)
        {
            var crc = new Crc32();
            crc.Append(block);
            crc.Append(tail.AsSpan(0, McapConstants.FooterCrcPrefixSize));
            uint actual = crc.GetCurrentHashAsUInt32();
            if (actual != footer.SummaryCrc)
            {
                throw new LogFormatException(path, footerOffset, "Footer record, field summary_crc", $"CRC-32 0x{footer.SummaryCrc:X8}, computed 0x{actual:X8}");
            }
        }

        foreach (McapRawRecord raw in McapRecordSplitter.Split(block, path, summaryStart, "summary section"))
        {
            long at = summaryStart + raw.Offset;
            string label = $"{McapConstants.RecordName(raw.Opcode)} record at byte {at}";
            summary.Add(McapRecordParser.Parse(raw.Opcode, raw.Body, path, at + McapConstants.RecordHeaderSize, label, options.ValidateCrcs));
        }

        return summary;
    }

    /// <summary>Reads and parses the record at <paramref name="offset"/>, which must have opcode <paramref name="expected"/>.</summary>
    public static McapRecord ReadRecordAt(McapByteSource source, string? path, long offset, McapOpcode expected, McapReaderOptions options)
    {
        if (offset < 0 || offset > source.Length - McapConstants.RecordHeaderSize)
        {
            throw new LogFormatException(path, offset, $"{expected} record", $"an offset inside the {source.Length}-byte file");
        }

        byte[] header = new byte[McapConstants.RecordHeaderSize];
        source.Seek(offset);
        source.ReadExactly(header, $"{expected} record");
        if (header[0] != (byte)expected)
        {
            throw new LogFormatException(path, offset, $"{expected} record", $"opcode 0x{(byte)expected:X2}, found 0x{header[0]:X2} ({McapConstants.RecordName(header[0])})");
        }

        byte[] body = source.ReadBody(BinaryPrimitives.ReadUInt64LittleEndian(header.AsSpan(1)), expected.ToString(), offset);
        string label = $"{expected} record at byte {offset}";
        return McapRecordParser.Parse(header[0], body, path, offset + McapConstants.RecordHeaderSize, label, options.ValidateCrcs);
    }

    private static void CheckMagic(ReadOnlySpan<byte> bytes, string? path, long offset, string what, bool truncation)
    {
        if (!bytes.SequenceEqual(McapConstants.Magic))
        {
            throw new LogFormatException(path, offset, what, $"the MCAP magic 89 4D 43 41 50 30 0D 0A, found {Convert.ToHexString(bytes)}", truncation);
        }
    }
}
