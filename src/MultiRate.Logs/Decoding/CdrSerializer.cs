using System.Text.Json.Nodes;
using MultiRate.Logs.Abstractions;

namespace MultiRate.Logs.Decoding;

/// <summary>
/// Converts between ROS 2 CDR payloads (XCDR1 plain CDR, the <c>cdr</c> message encoding in MCAP)
/// and <see cref="JsonObject"/>s whose properties are the schema's fields by name.
/// </summary>
/// <remarks>
/// <para>Value mapping: bool to JSON bool; all integers to <see cref="long"/> except uint64 to
/// <see cref="ulong"/>; float32 to <see cref="float"/>; float64 to <see cref="double"/>; string and
/// wstring to string; arrays and sequences to <see cref="JsonArray"/>; nested messages to
/// <see cref="JsonObject"/>. Constants are not part of the payload and do not appear.</para>
/// <para>Layout: a 4-byte encapsulation header (0x00 0x01 little endian, 0x00 0x00 big endian), then
/// fields in order, each primitive aligned to min(size, 8) from the end of the header; strings are a
/// u32 length including the NUL, then the bytes and NUL; sequences a u32 count; fixed arrays no count.
/// Parameter-list (PL_CDR) and XCDR2 payloads are rejected.</para>
/// <para>Thread-safe: each call uses its own state.</para>
/// </remarks>
public static class CdrSerializer
{
    /// <summary>Decodes one CDR message.</summary>
    /// <param name="schema">The message's schema.</param>
    /// <param name="data">The payload, encapsulation header included.</param>
    /// <param name="sourcePath">The file the message came from, for error messages.</param>
    /// <returns>The fields by name.</returns>
    /// <exception cref="LogFormatException">
    /// The header is not plain CDR, or a length, count or value does not fit the remaining bytes;
    /// the message names the byte offset (from the start of <paramref name="data"/>) and the field path.
    /// </exception>
    public static JsonObject Deserialize(Ros2MsgSchema schema, ReadOnlySpan<byte> data, string? sourcePath = null)
    {
        ArgumentNullException.ThrowIfNull(schema);
        return new CdrDecoder(schema, sourcePath).Decode(data);
    }

    /// <summary>Encodes one CDR message.</summary>
    /// <param name="schema">The message's schema.</param>
    /// <param name="message">The fields by name; missing fields are written as ROS defaults (0, false, "", empty).</param>
    /// <param name="endianness">Byte order of the payload.</param>
    /// <returns>The payload, encapsulation header included.</returns>
    /// <exception cref="LogFormatException">
    /// A field is unknown, has the wrong kind, is out of range, or an array has the wrong length;
    /// the message names the field path.
    /// </exception>
    public static byte[] Serialize(Ros2MsgSchema schema, JsonObject message, CdrEndianness endianness = CdrEndianness.LittleEndian)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(message);
        return new CdrEncoder(schema).Encode(message, endianness);
    }
}
