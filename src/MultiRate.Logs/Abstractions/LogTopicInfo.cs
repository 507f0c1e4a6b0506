namespace MultiRate.Logs.Abstractions;

/// <summary>Summary of one topic in a log, as <c>multirate inspect</c> reports it.</summary>
/// <param name="Name">Topic name (MCAP channel topic, ULog <c>name/multi_id</c>, or the CSV file's stem).</param>
/// <param name="Count">Number of messages.</param>
/// <param name="FirstNs">Log time of the first message.</param>
/// <param name="LastNs">Log time of the last message.</param>
/// <param name="Encoding">Message encoding (<c>cdr</c>, <c>json</c>, <c>ulog</c>, <c>csv</c>, ...).</param>
/// <param name="Schema">Schema name (e.g. <c>sensor_msgs/msg/Imu</c>), or empty.</param>
public sealed record LogTopicInfo(string Name, long Count, long FirstNs, long LastNs, string Encoding, string Schema)
{
    /// <summary>Average rate in Hz over the topic's span (0 when fewer than two messages).</summary>
    public double Hz => Count < 2 || LastNs <= FirstNs ? 0 : (Count - 1) * 1e9 / (LastNs - FirstNs);
}
