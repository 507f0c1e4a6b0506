using System.Buffers.Binary;
using MultiRate.Logs.Abstractions;

namespace MultiRate.Logs.Ros1Bag;

/// <summary>Reads top-level bag records from the file: uint32 header length, header, uint32 data length, data.</summary>
/// <remarks>Lengths are checked against the bytes left in the file before anything is allocated.</remarks>
internal sealed class Ros1BagStreamReader
{
    private const int MaxHeader = 1 << 24;
    private const int MaxData = 1 << 30;
    private readonly Stream _stream;
    private readonly string _path;

    public Ros1BagStreamReader(Stream stream, string path)
    {
        _stream = stream;
        _path = path;
    }

    /// <summary>Byte offset of the record being read.</summary>
    public long Offset { get; private set; }

    /// <summary>Moves to <paramref name="offset"/>.</summary>
    public void Seek(long offset) => _stream.Seek(offset, SeekOrigin.Begin);

    /// <summary>Reads the next record, or null at the end of the file.</summary>
    /// <param name="readData">False to skip the data (e.g. a chunk when only its index is wanted).</param>
    /// <exception cref="LogFormatException">The record is cut short or malformed.</exception>
    public Ros1BagRecord? Next(bool readData = true)
    {
        Offset = _stream.Position;
        long left = _stream.Length - Offset;
        if (left == 0)
        {
            return null;
        }

        int headerLength = Length(left, MaxHeader, "header");
        byte[] header = Read(headerLength, "record header");
        int dataLength = Length(left - 4 - headerLength, MaxData, "data");
        Dictionary<string, ReadOnlyMemory<byte>> fields;
        try
        {
            fields = Ros1BagRecord.ParseHeader(header);
        }
        catch (FormatException ex)
        {
            throw new LogFormatException(_path, Offset, "record header", ex.Message);
        }

        ReadOnlyMemory<byte> data = ReadOnlyMemory<byte>.Empty;
        if (readData)
        {
            data = Read(dataLength, "record data");
        }
        else
        {
            _stream.Seek(dataLength, SeekOrigin.Current);
        }

        return new Ros1BagRecord(Offset, fields, data);
    }

    /// <summary>A <see cref="LogFormatException"/> for the current record.</summary>
    public LogFormatException Error(string record, string expected, bool truncation = false) => new(_path, Offset, record, expected, truncation);

    private int Length(long left, int max, string what)
    {
        byte[] raw = Read(4, $"record {what} length");
        uint length = BinaryPrimitives.ReadUInt32LittleEndian(raw);
        if (length > left - 4)
        {
            throw Error($"record {what}", $"{length} bytes, the file has {Math.Max(0, left - 4)} left", truncation: true);
        }

        return length <= max ? (int)length : throw Error($"record {what}", $"at most {max} bytes, found {length}");
    }

    private byte[] Read(int count, string what)
    {
        byte[] buffer = new byte[count];
        int read = _stream.ReadAtLeast(buffer, count, throwOnEndOfStream: false);
        return read == count ? buffer : throw Error(what, $"{count} bytes, the file ends after {read}", truncation: true);
    }
}
