using System.Text;
using MultiRate.Logs.Abstractions;

namespace MultiRate.Logs.Decoding;

/// <summary>
/// A parsed <c>ros2msg</c> schema: the message definition text that ROS 2 stores in MCAP files
/// (the main type, then each dependency after a <c>===</c> line and a <c>MSG: pkg/msg/Type</c> header).
/// </summary>
/// <remarks>
/// Supports every primitive (bool, byte, char, int8..uint64, float32, float64, string, wstring,
/// bounded <c>string&lt;=N</c>), fixed arrays <c>T[N]</c>, bounded <c>T[&lt;=N]</c> and unbounded
/// <c>T[]</c> sequences, nested types by full name (<c>pkg/Type</c> or <c>pkg/msg/Type</c>) or by
/// short name within the same package, <c>Header</c>, <c>Time</c> and <c>Duration</c> shorthands,
/// constants, default values (ignored) and comments. Immutable once parsed; thread-safe to share.
/// </remarks>
public sealed class Ros2MsgSchema
{
    private Ros2MsgSchema(string name, Ros2MsgType root, IReadOnlyDictionary<string, Ros2MsgType> types)
    {
        Name = name;
        Root = root;
        Types = types;
    }

    /// <summary>The schema name as given (e.g. <c>sensor_msgs/msg/Imu</c>).</summary>
    public string Name { get; }

    /// <summary>Canonical names (<c>pkg/msg/Type</c>) of every type the schema defines or refers to.</summary>
    public IReadOnlyList<string> TypeNames => [.. Types.Keys.Order(StringComparer.Ordinal)];

    /// <summary>The main type's field names, in serialization order.</summary>
    public IReadOnlyList<string> FieldNames => [.. Root.Fields.Select(f => f.Name)];

    /// <summary>The main type.</summary>
    internal Ros2MsgType Root { get; }

    /// <summary>Every type by canonical name.</summary>
    internal IReadOnlyDictionary<string, Ros2MsgType> Types { get; }

    /// <summary>Parses a schema from its text.</summary>
    /// <param name="name">The schema (main type) name, <c>pkg/msg/Type</c> or <c>pkg/Type</c>.</param>
    /// <param name="text">The concatenated definition.</param>
    /// <param name="sourcePath">The file the schema came from, for error messages.</param>
    /// <exception cref="LogFormatException">The text is malformed or refers to an undefined type; the message names the schema and line.</exception>
    public static Ros2MsgSchema Parse(string name, string text, string? sourcePath = null)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(text);
        (Ros2MsgType root, IReadOnlyDictionary<string, Ros2MsgType> types) = Ros2MsgParser.Parse(name, text, sourcePath);
        return new Ros2MsgSchema(name, root, types);
    }

    /// <summary>Parses a schema from its UTF-8 bytes (an MCAP Schema record's data).</summary>
    /// <param name="name">The schema (main type) name, <c>pkg/msg/Type</c> or <c>pkg/Type</c>.</param>
    /// <param name="utf8Text">The concatenated definition, UTF-8.</param>
    /// <param name="sourcePath">The file the schema came from, for error messages.</param>
    /// <exception cref="LogFormatException">The text is malformed or refers to an undefined type.</exception>
    public static Ros2MsgSchema Parse(string name, ReadOnlySpan<byte> utf8Text, string? sourcePath = null) =>
        Parse(name, Encoding.UTF8.GetString(utf8Text), sourcePath);
}
