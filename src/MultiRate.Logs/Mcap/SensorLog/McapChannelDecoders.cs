using MultiRate.Logs.Abstractions;

namespace MultiRate.Logs.Mcap;

/// <summary>Picks and caches the decoder for each channel.</summary>
internal sealed class McapChannelDecoders
{
    private readonly string _path;
    private readonly IReadOnlyList<IMcapMessageDecoder> _decoders;
    private readonly Dictionary<ushort, (IMcapMessageDecoder Decoder, McapSchema? Schema)> _byChannel = [];

    public McapChannelDecoders(string path, IEnumerable<IMcapMessageDecoder>? extra)
    {
        _path = path;
        _decoders = [new McapJsonMessageDecoder(), .. extra ?? []];
    }

    /// <summary>Decodes one message of <paramref name="channel"/>.</summary>
    public LogMessage Decode(McapMessage message, McapChannel channel, McapSchema? schema)
    {
        if (!_byChannel.TryGetValue(channel.Id, out (IMcapMessageDecoder Decoder, McapSchema? Schema) entry))
        {
            entry = (Find(channel, schema), schema);
            _byChannel[channel.Id] = entry;
        }

        if (message.LogTime > LogTime.MaxNs)
        {
            throw new LogFormatException(_path, -1, $"message on '{channel.Topic}'", LogTime.Expected(message.LogTime, "ns"));
        }

        try
        {
            return new LogMessage((long)message.LogTime, channel.Topic, entry.Decoder.Decode(entry.Schema, message.Data.Span));
        }
        catch (LogFormatException ex) when (ex.Path is null)
        {
            // Decoders don't know the file or the message; add them.
            throw new LogFormatException(_path, ex.Offset, $"message on '{channel.Topic}' at log time {message.LogTime}: {ex.Record}", ex.Expected);
        }
        catch (Exception ex) when (ex is not LogFormatException and not OutOfMemoryException)
        {
            // A decoder that trips over a malformed payload must still surface as bad input.
            throw new LogFormatException(_path, -1, $"message on '{channel.Topic}' at log time {message.LogTime}", $"a payload that {entry.Decoder.GetType().Name} can decode ({ex.GetType().Name}: {ex.Message})");
        }
    }

    private IMcapMessageDecoder Find(McapChannel channel, McapSchema? schema)
    {
        string schemaEncoding = schema?.Encoding ?? string.Empty;
        IMcapMessageDecoder? decoder = _decoders.FirstOrDefault(d => d.CanDecode(channel.MessageEncoding, schemaEncoding));
        if (decoder is not null)
        {
            return decoder;
        }

        string others = _decoders.Count > 1
            ? $" or one accepted by the registered decoders ({string.Join(", ", _decoders.Skip(1).Select(d => d.GetType().Name))})"
            : " (no other decoders are registered)";
        throw new LogFormatException(
            _path, -1, $"channel '{channel.Topic}': unknown encoding '{channel.MessageEncoding}' (schema encoding '{schemaEncoding}')", $"one of: json{others}");
    }
}
