using System.Buffers.Binary;
using MultiRate.Logs.Abstractions;

namespace MultiRate.Logs.DataFlash;

/// <summary>A message's log time: its <c>TimeUS</c> column in ns, checked against 64-bit overflow.</summary>
internal static class DataFlashTime
{
    private const ulong MaxUs = long.MaxValue / 1000;

    /// <summary>The current message's <c>TimeUS</c> x 1000, or null when its format has no <c>TimeUS</c>.</summary>
    /// <exception cref="LogFormatException">The time does not fit 64-bit nanoseconds.</exception>
    public static long? Of(DataFlashRecordReader reader, string path)
    {
        DataFlashFormat format = reader.Format;
        if (format.TimeColumn < 0)
        {
            return null;
        }

        int at = 0;
        for (int i = 0; i < format.TimeColumn; i++)
        {
            at += DataFlashFormatChars.Width(format.Format[i]);
        }

        ReadOnlySpan<byte> data = reader.Payload[at..];
        ulong us = format.Format[format.TimeColumn] == 'q'
            ? (ulong)Math.Max(0, BinaryPrimitives.ReadInt64LittleEndian(data))
            : BinaryPrimitives.ReadUInt64LittleEndian(data);
        if (format.Format[format.TimeColumn] == 'q' && BinaryPrimitives.ReadInt64LittleEndian(data) < 0)
        {
            throw new LogFormatException(path, reader.Offset, $"{format.Name} TimeUS", $"a non-negative time, found {BinaryPrimitives.ReadInt64LittleEndian(data)} us");
        }

        if (us > MaxUs)
        {
            throw new LogFormatException(path, reader.Offset, $"{format.Name} TimeUS", $"a time that fits 64-bit nanoseconds, found {us} us");
        }

        return (long)us * 1000;
    }
}
