using System.Collections.Frozen;

namespace MultiRate.Logs.Decoding;

/// <summary>Primitive names, canonical type names and the few well-known types ROS 2 always has.</summary>
internal static class Ros2TypeNames
{
    /// <summary>Primitive type keywords of ROS 2 <c>.msg</c> files.</summary>
    public static readonly FrozenDictionary<string, Ros2Primitive> Primitives = new Dictionary<string, Ros2Primitive>
    {
        ["bool"] = Ros2Primitive.Bool,
        ["byte"] = Ros2Primitive.Byte,
        ["char"] = Ros2Primitive.Char,
        ["int8"] = Ros2Primitive.Int8,
        ["uint8"] = Ros2Primitive.UInt8,
        ["int16"] = Ros2Primitive.Int16,
        ["uint16"] = Ros2Primitive.UInt16,
        ["int32"] = Ros2Primitive.Int32,
        ["uint32"] = Ros2Primitive.UInt32,
        ["int64"] = Ros2Primitive.Int64,
        ["uint64"] = Ros2Primitive.UInt64,
        ["float32"] = Ros2Primitive.Float32,
        ["float64"] = Ros2Primitive.Float64,
        ["string"] = Ros2Primitive.String,
        ["wstring"] = Ros2Primitive.WString,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>
    /// Definitions used when a schema refers to these types without including them. They have
    /// not changed across ROS 2 releases, and some writers leave them out.
    /// </summary>
    public static readonly FrozenDictionary<string, string> WellKnown = new Dictionary<string, string>
    {
        ["builtin_interfaces/msg/Time"] = "int32 sec\nuint32 nanosec\n",
        ["builtin_interfaces/msg/Duration"] = "int32 sec\nuint32 nanosec\n",
        ["std_msgs/msg/Header"] = "builtin_interfaces/Time stamp\nstring frame_id\n",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Short names that mean a type in another package (ROS 1 and ROS 2 conventions).</summary>
    public static readonly FrozenDictionary<string, string> ShortAliases = new Dictionary<string, string>
    {
        ["Header"] = "std_msgs/msg/Header",
        ["Time"] = "builtin_interfaces/msg/Time",
        ["Duration"] = "builtin_interfaces/msg/Duration",
        ["time"] = "builtin_interfaces/msg/Time",
        ["duration"] = "builtin_interfaces/msg/Duration",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>
    /// Turns <c>pkg/Type</c> or <c>pkg/msg/Type</c> into <c>pkg/msg/Type</c>; null when the name
    /// has no package.
    /// </summary>
    public static string? Canonical(string name)
    {
        string[] parts = name.Split('/');
        return parts.Length switch
        {
            2 when parts[0].Length > 0 && parts[1].Length > 0 => $"{parts[0]}/msg/{parts[1]}",
            3 when parts.All(p => p.Length > 0) => name,
            _ => null,
        };
    }
}
