using System.Text.Json.Nodes;
using MultiRate.Logs.Abstractions;
using MultiRate.Logs.Mcap;

namespace MultiRate.Logs.Decoding;

/// <summary>Plugs the ROS 2 CDR decoder into <see cref="McapSensorLog"/>: <c>cdr</c> messages with <c>ros2msg</c> schemas.</summary>
internal sealed class CdrMcapDecoder(string path) : IMcapMessageDecoder
{
    private readonly CdrMessageDecoder _decoder = new(path);

    public bool CanDecode(string messageEncoding, string schemaEncoding) => CdrMessageDecoder.CanDecode(messageEncoding, schemaEncoding);

    public JsonObject Decode(McapSchema? schema, ReadOnlySpan<byte> data) =>
        schema is null
            ? throw new LogFormatException(path, -1, "cdr message", "a ros2msg schema on its channel (the channel has none)")
            : _decoder.Decode(schema.Name, schema.Data.Span, data);
}
