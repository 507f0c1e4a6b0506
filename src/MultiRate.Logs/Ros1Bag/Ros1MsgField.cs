namespace MultiRate.Logs.Ros1Bag;

/// <summary>One field of a ROS 1 message definition.</summary>
/// <param name="Name">Field name.</param>
/// <param name="Type">Type as written (a primitive such as <c>float64</c>, <c>time</c>, or a message type name).</param>
/// <param name="IsArray">True for <c>T[]</c> and <c>T[N]</c>.</param>
/// <param name="FixedLength">N for <c>T[N]</c>; -1 for a variable-length array or a scalar.</param>
internal sealed record Ros1MsgField(string Name, string Type, bool IsArray, int FixedLength);
