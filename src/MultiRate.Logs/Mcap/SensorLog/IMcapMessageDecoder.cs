using System.Text.Json.Nodes;

namespace MultiRate.Logs.Mcap;

/// <summary>
/// Decodes MCAP message payloads of some encoding (e.g. ROS 2 <c>cdr</c> with a <c>ros2msg</c>
/// schema) into JSON fields. <see cref="McapSensorLog"/> asks each registered decoder, in order,
/// after its built-in <c>json</c> decoder.
/// </summary>
/// <remarks>Implementations may cache per schema; they are called from one thread at a time.</remarks>
public interface IMcapMessageDecoder
{
    /// <summary>True when this decoder handles messages with this message and schema encoding.</summary>
    /// <param name="messageEncoding">The channel's message encoding (e.g. <c>cdr</c>).</param>
    /// <param name="schemaEncoding">The schema's encoding (e.g. <c>ros2msg</c>), or empty for schemaless channels.</param>
    bool CanDecode(string messageEncoding, string schemaEncoding);

    /// <summary>Decodes one message payload.</summary>
    /// <param name="schema">The channel's schema, or null for schemaless channels.</param>
    /// <param name="data">The message payload.</param>
    /// <returns>The decoded fields.</returns>
    /// <exception cref="Abstractions.LogFormatException">The payload does not match the schema.</exception>
    JsonObject Decode(McapSchema? schema, ReadOnlySpan<byte> data);
}
