namespace MultiRate.Logs.Decoding;

/// <summary>One message type of a schema: its fields in serialization order and its constants.</summary>
internal sealed class Ros2MsgType(string fullName)
{
    /// <summary>Canonical name <c>pkg/msg/Type</c>.</summary>
    public string FullName { get; } = fullName;

    /// <summary>Package part of <see cref="FullName"/>.</summary>
    public string Package => FullName[..FullName.IndexOf('/', StringComparison.Ordinal)];

    /// <summary>Fields in declaration (= serialization) order.</summary>
    public List<Ros2MsgField> Fields { get; } = [];

    /// <summary>Constants, which CDR does not carry.</summary>
    public List<Ros2MsgConstant> Constants { get; } = [];

    /// <summary>
    /// Smallest possible serialized size, ignoring alignment; used to reject lying sequence counts
    /// before allocating. Set after resolution. An empty message still takes one byte, because ROS 2
    /// type support adds a dummy <c>uint8</c> member to structures without fields.
    /// </summary>
    public long MinSize { get; set; } = -1;

    /// <inheritdoc />
    public override string ToString() => FullName;
}
