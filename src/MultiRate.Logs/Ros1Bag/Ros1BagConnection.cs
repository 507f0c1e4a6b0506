using System.Text;

namespace MultiRate.Logs.Ros1Bag;

/// <summary>A connection record: id, topic and its connection header (type, md5sum, message_definition).</summary>
internal sealed class Ros1BagConnection
{
    private Ros1MessageDecoder? _decoder;

    private Ros1BagConnection(uint id, string topic, string type, string md5, string definition)
    {
        Id = id;
        Topic = topic;
        Type = type;
        Md5 = md5;
        Definition = definition;
    }

    /// <summary>Connection id, as message records refer to it.</summary>
    public uint Id { get; }

    /// <summary>Topic name (from the record header, as rosbag reports it).</summary>
    public string Topic { get; }

    /// <summary>Message type, e.g. <c>geometry_msgs/PoseStamped</c>.</summary>
    public string Type { get; }

    /// <summary>The type's md5sum.</summary>
    public string Md5 { get; }

    /// <summary>The full message definition text.</summary>
    public string Definition { get; }

    /// <summary>Reads a connection record.</summary>
    /// <exception cref="FormatException">A required field is missing.</exception>
    public static Ros1BagConnection From(Ros1BagRecord record)
    {
        var header = Ros1BagRecord.ParseHeader(record.Data);
        return new Ros1BagConnection(record.UInt32("conn"), record.Text("topic"), Text(header, "type"), Text(header, "md5sum"), Text(header, "message_definition"));
    }

    /// <summary>The decoder for this connection's messages, built on first use.</summary>
    /// <exception cref="FormatException">The message definition does not parse.</exception>
    public Ros1MessageDecoder Decoder() => _decoder ??= new Ros1MessageDecoder(Ros1MsgDefinitions.Parse(Type, Definition));

    private static string Text(Dictionary<string, ReadOnlyMemory<byte>> header, string name) =>
        header.TryGetValue(name, out ReadOnlyMemory<byte> v) ? Encoding.UTF8.GetString(v.Span) : throw new FormatException($"connection header field '{name}'");
}
