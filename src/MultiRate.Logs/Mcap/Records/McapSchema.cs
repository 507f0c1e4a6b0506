namespace MultiRate.Logs.Mcap;

/// <summary>A Schema record: describes the layout of messages on channels that refer to it.</summary>
/// <param name="Id">Schema id (never 0: channels use 0 for "no schema").</param>
/// <param name="Name">Schema name (e.g. <c>sensor_msgs/msg/Imu</c>).</param>
/// <param name="Encoding">Schema encoding (e.g. <c>ros2msg</c>, <c>jsonschema</c>).</param>
/// <param name="Data">Schema definition bytes.</param>
public sealed record McapSchema(ushort Id, string Name, string Encoding, ReadOnlyMemory<byte> Data) : McapRecord
{
    /// <inheritdoc />
    public override McapOpcode Opcode => McapOpcode.Schema;
}
