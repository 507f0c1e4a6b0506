using System.Text.Json.Nodes;
using MultiRate.Logs.Abstractions;
using MultiRate.Logs.Decoding;
using ZstdSharp;

namespace MultiRate.Logs.Ros2Bag;

/// <summary>
/// Decodes the CDR payloads of one bag, one parsed definition per type: the bag's own definition
/// where it is present and complete, else one from <see cref="Ros2MsgLibrary"/>. A definition must
/// consume the payload exactly (up to the padding that ends it on a 4-byte boundary); anything else
/// is an error naming the topic, the type, where the definition came from and the byte offset.
/// </summary>
/// <remarks>Not thread-safe: one per log, used by one enumeration at a time.</remarks>
internal sealed class Ros2BagDecoders(Ros2MsgLibrary library, bool messageCompressed)
{
    private const int MaxMessageBytes = 1 << 28;
    private const int HeaderSize = 4;
    private readonly Dictionary<string, (CdrDecoder Decoder, string Source)> decoders = new(StringComparer.Ordinal);
    private readonly Dictionary<string, bool> known = new(StringComparer.Ordinal);
    private readonly Decompressor? decompressor = messageCompressed ? new Decompressor() : null;

    /// <summary>Decodes one message.</summary>
    /// <param name="file">The member file, for messages.</param>
    /// <param name="topic">Topic name (or a description of the topics of this type).</param>
    /// <param name="type">Message type name.</param>
    /// <param name="encoding">Serialization format; only <c>cdr</c> is decoded.</param>
    /// <param name="stored">The bag's own definition text, or null when it stores none.</param>
    /// <param name="logTimeNs">The message's log time, for messages (negative when unknown).</param>
    /// <param name="payload">The payload as stored.</param>
    public JsonObject Decode(string file, string topic, string type, string encoding, string? stored, long logTimeNs, ReadOnlySpan<byte> payload)
    {
        string where = logTimeNs >= 0 ? $"topic '{topic}' ({type}) message at log time {logTimeNs}" : $"topic '{topic}' ({type}) message";
        if (encoding != "cdr")
        {
            throw new LogFormatException(file, -1, where, $"serialization format 'cdr', not '{encoding}'");
        }

        byte[]? inflated = decompressor is null ? null : Inflate(file, where, payload);
        ReadOnlySpan<byte> data = inflated ?? payload;
        (CdrDecoder decoder, string source) = DecoderFor(file, topic, type, stored);
        JsonObject decoded;
        try
        {
            decoded = decoder.Decode(data);
        }
        catch (LogFormatException ex)
        {
            throw new LogFormatException(file, -1, $"{where}, payload byte {ex.Offset}, {ex.Record}", $"{ex.Expected} (definition from {source})");
        }

        int used = decoder.BytesConsumed;
        int body = data.Length - HeaderSize;
        bool padded = body % 4 == 0 && data.Length - used < 4;
        if (used != data.Length && !padded)
        {
            throw new LogFormatException(file, -1, $"{where}, payload byte {used}", $"the {type} definition (from {source}) to consume the {data.Length}-byte payload exactly, but it ends after {used} bytes: the definition does not match the data");
        }

        return decoded;
    }

    /// <summary>True when a definition for <paramref name="type"/> is shipped or under a message path.</summary>
    public bool KnowsType(string type)
    {
        if (!known.TryGetValue(type, out bool found))
        {
            found = library.Resolve(type, out _) is not null;
            known[type] = found;
        }

        return found;
    }

    private (CdrDecoder Decoder, string Source) DecoderFor(string file, string topic, string type, string? stored)
    {
        if (decoders.TryGetValue(type, out (CdrDecoder, string) known))
        {
            return known;
        }

        Ros2MsgSchema? schema = null;
        string source = "the bag";
        LogFormatException? storedError = null;
        if (stored is not null)
        {
            try
            {
                schema = Ros2MsgSchema.Parse(type, stored, file);
            }
            catch (LogFormatException ex)
            {
                // An incomplete stored definition (a dependency left out) falls back to known definitions.
                storedError = ex;
            }
        }

        if (schema is null)
        {
            string? text = library.Resolve(type, out string? missing);
            if (text is null)
            {
                throw storedError ?? new LogFormatException(file, -1, $"topic '{topic}' ({type})", $"a message definition: the bag stores none, and {missing} is neither one of the shipped common types nor under a message path (SensorLogOptions.MessagePaths: a ROS 2 install's share/)");
            }

            schema = Ros2MsgSchema.Parse(type, text, file);
            source = "shipped or message-path .msg files";
        }

        (CdrDecoder, string) made = (new CdrDecoder(schema, file), source);
        decoders[type] = made;
        return made;
    }

    private byte[] Inflate(string file, string where, ReadOnlySpan<byte> payload)
    {
        try
        {
            return decompressor!.Unwrap(payload, MaxMessageBytes).ToArray();
        }
        catch (Exception ex) when (ex is ZstdException or ArgumentException or InvalidOperationException)
        {
            throw new LogFormatException(file, -1, where, $"a zstd-compressed payload of at most {MaxMessageBytes} bytes (compression_mode MESSAGE): {ex.Message}");
        }
    }
}
