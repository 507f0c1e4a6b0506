using System.Buffers;
using System.Buffers.Binary;
using System.Text.Json;
using MultiRate.Recording.Feed;

namespace MultiRate.Live.Protocol;

/// <summary>The server's messages: JSON text messages by <c>op</c>, and the binary message data frame.</summary>
/// <remarks>Text messages are built on whichever thread needs one (rare: connects, requests, warnings); data frames on the sender thread.</remarks>
internal static class ServerMessages
{
    /// <summary><c>serverInfo</c>: name and capabilities, sent first on every connection.</summary>
    public static byte[] ServerInfo(string name, string sessionId) => Build(json =>
    {
        json.WriteString("op", "serverInfo");
        json.WriteString("name", name);
        json.WriteStartArray("capabilities");
        json.WriteStringValue(FoxgloveProtocol.Parameters);
        json.WriteStringValue(FoxgloveProtocol.ParametersSubscribe);
        json.WriteEndArray();
        json.WriteStartArray("supportedEncodings");
        json.WriteEndArray();
        json.WriteStartObject("metadata");
        json.WriteString("multirate.channels", "json with JSON Schemas, as --record writes them");
        json.WriteEndObject();
        json.WriteString("sessionId", sessionId);
    });

    /// <summary><c>advertise</c>: every channel, <c>json</c>-encoded with its JSON Schema.</summary>
    public static byte[] Advertise(IReadOnlyList<FeedChannel> channels) => Build(json =>
    {
        json.WriteString("op", "advertise");
        json.WriteStartArray("channels");
        foreach (FeedChannel c in channels)
        {
            json.WriteStartObject();
            json.WriteNumber("id", ChannelId(c.Index));
            json.WriteString("topic", c.Topic);
            json.WriteString("encoding", "json");
            json.WriteString("schemaName", c.SchemaName);
            json.WriteString("schema", c.Schema);
            json.WriteString("schemaEncoding", "jsonschema");
            json.WriteEndObject();
        }

        json.WriteEndArray();
    });

    /// <summary><c>status</c>: level 0 info, 1 warning, 2 error.</summary>
    public static byte[] Status(int level, string message, string? id = null) => Build(json =>
    {
        json.WriteString("op", "status");
        json.WriteNumber("level", level);
        json.WriteString("message", message);
        if (id is not null)
        {
            json.WriteString("id", id);
        }
    });

    /// <summary><c>parameterValues</c>: names and values (numbers as float64, policies as strings), with the request's id if any.</summary>
    public static byte[] ParameterValues(IEnumerable<KeyValuePair<string, object>> values, string? id) => Build(json =>
    {
        json.WriteString("op", "parameterValues");
        json.WriteStartArray("parameters");
        foreach (var (name, value) in values)
        {
            json.WriteStartObject();
            json.WriteString("name", name);
            if (value is double d)
            {
                json.WriteNumber("value", d);
                json.WriteString("type", "float64");
            }
            else
            {
                json.WriteString("value", Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture));
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
        if (id is not null)
        {
            json.WriteString("id", id);
        }
    });

    /// <summary>The protocol's channel id of feed channel <paramref name="index"/> (ids start at 1).</summary>
    public static uint ChannelId(int index) => (uint)index + 1;

    /// <summary>Writes a message data frame (opcode 1, little-endian subscription id and receive time, payload) into <paramref name="frame"/>.</summary>
    /// <returns>The frame's length.</returns>
    public static int MessageData(Span<byte> frame, uint subscriptionId, long receiveTimeNs, ReadOnlySpan<byte> payload)
    {
        frame[0] = FoxgloveProtocol.MessageData;
        BinaryPrimitives.WriteUInt32LittleEndian(frame[1..], subscriptionId);
        BinaryPrimitives.WriteUInt64LittleEndian(frame[5..], (ulong)Math.Max(0, receiveTimeNs));
        payload.CopyTo(frame[FoxgloveProtocol.MessageDataHeader..]);
        return FoxgloveProtocol.MessageDataHeader + payload.Length;
    }

    private static byte[] Build(Action<Utf8JsonWriter> body)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            body(json);
            json.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }
}
