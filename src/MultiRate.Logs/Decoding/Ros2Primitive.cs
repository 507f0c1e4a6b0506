namespace MultiRate.Logs.Decoding;

/// <summary>The primitive field types of a ROS 2 message definition.</summary>
internal enum Ros2Primitive
{
    /// <summary>Not a primitive: the field is a nested message.</summary>
    None,
    Bool,
    Byte,
    Char,
    Int8,
    UInt8,
    Int16,
    UInt16,
    Int32,
    UInt32,
    Int64,
    UInt64,
    Float32,
    Float64,
    String,
    WString,
}
