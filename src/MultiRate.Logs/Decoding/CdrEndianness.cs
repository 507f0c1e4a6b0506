namespace MultiRate.Logs.Decoding;

/// <summary>Byte order of a CDR payload, given by its 4-byte encapsulation header.</summary>
public enum CdrEndianness
{
    /// <summary>Representation id 0x0001 (CDR_LE), what ROS 2 writes on every common platform.</summary>
    LittleEndian,

    /// <summary>Representation id 0x0000 (CDR_BE).</summary>
    BigEndian,
}
