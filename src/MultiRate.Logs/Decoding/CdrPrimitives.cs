namespace MultiRate.Logs.Decoding;

/// <summary>Serialized sizes of the fixed-size primitives in CDR.</summary>
internal static class CdrPrimitives
{
    /// <summary>Size in bytes (= alignment before the XCDR1 cap of 8); 0 for strings and wstrings.</summary>
    public static int SizeOf(Ros2Primitive primitive) => primitive switch
    {
        Ros2Primitive.Bool or Ros2Primitive.Byte or Ros2Primitive.Char or Ros2Primitive.Int8 or Ros2Primitive.UInt8 => 1,
        Ros2Primitive.Int16 or Ros2Primitive.UInt16 => 2,
        Ros2Primitive.Int32 or Ros2Primitive.UInt32 or Ros2Primitive.Float32 => 4,
        Ros2Primitive.Int64 or Ros2Primitive.UInt64 or Ros2Primitive.Float64 => 8,
        _ => 0,
    };

    /// <summary>The keyword for a primitive, for error messages.</summary>
    public static string Name(Ros2Primitive primitive) => primitive.ToString().ToLowerInvariant();
}
