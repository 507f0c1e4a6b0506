namespace MultiRate.Logs.Ros2Bag;

/// <summary>One row of a db3 <c>topics</c> table with its message summary.</summary>
/// <param name="Id">The row id messages refer to (differs between the files of a split bag).</param>
/// <param name="Name">Topic name.</param>
/// <param name="Type">Message type, e.g. <c>std_msgs/msg/String</c>.</param>
/// <param name="Encoding">Serialization format, e.g. <c>cdr</c>.</param>
/// <param name="Count">Messages on the topic in this file.</param>
/// <param name="FirstNs">Smallest log time (0 when there are none).</param>
/// <param name="LastNs">Largest log time (0 when there are none).</param>
internal sealed record Ros2Db3Topic(long Id, string Name, string Type, string Encoding, long Count, long FirstNs, long LastNs);
