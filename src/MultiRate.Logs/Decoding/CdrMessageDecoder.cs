using System.Text.Json.Nodes;
using MultiRate.Logs.Abstractions;

namespace MultiRate.Logs.Decoding;

/// <summary>
/// Decodes MCAP messages with message encoding <c>cdr</c> and schema encoding <c>ros2msg</c>,
/// parsing each distinct schema once and keeping it.
/// </summary>
/// <remarks>Not thread-safe (one instance per reader). Errors are <see cref="LogFormatException"/>s naming <c>sourcePath</c>.</remarks>
/// <param name="sourcePath">The log file, for error messages.</param>
public sealed class CdrMessageDecoder(string? sourcePath = null)
{
    private readonly Dictionary<string, (byte[] Text, Ros2MsgSchema Schema)> schemas = new(StringComparer.Ordinal);

    /// <summary>True for message encoding <c>cdr</c> with schema encoding <c>ros2msg</c>.</summary>
    public static bool CanDecode(string messageEncoding, string schemaEncoding) =>
        messageEncoding == "cdr" && schemaEncoding == "ros2msg";

    /// <summary>Decodes one message.</summary>
    /// <param name="schemaName">The schema name (e.g. <c>sensor_msgs/msg/Imu</c>).</param>
    /// <param name="schemaData">The schema text, UTF-8.</param>
    /// <param name="data">The message payload, encapsulation header included.</param>
    /// <returns>The fields by name (see <see cref="CdrSerializer"/> for the value mapping).</returns>
    /// <exception cref="LogFormatException">The schema or the message is malformed.</exception>
    public JsonObject Decode(string schemaName, ReadOnlySpan<byte> schemaData, ReadOnlySpan<byte> data) =>
        CdrSerializer.Deserialize(GetSchema(schemaName, schemaData), data, sourcePath);

    /// <summary>Returns the parsed schema, parsing it on first use or when its text changed.</summary>
    /// <param name="schemaName">The schema name.</param>
    /// <param name="schemaData">The schema text, UTF-8.</param>
    /// <returns>The parsed schema.</returns>
    /// <exception cref="LogFormatException">The schema is malformed.</exception>
    public Ros2MsgSchema GetSchema(string schemaName, ReadOnlySpan<byte> schemaData)
    {
        ArgumentNullException.ThrowIfNull(schemaName);
        if (schemas.TryGetValue(schemaName, out (byte[] Text, Ros2MsgSchema Schema) cached) && schemaData.SequenceEqual(cached.Text))
        {
            return cached.Schema;
        }

        Ros2MsgSchema schema = Ros2MsgSchema.Parse(schemaName, schemaData, sourcePath);
        schemas[schemaName] = (schemaData.ToArray(), schema);
        return schema;
    }
}
