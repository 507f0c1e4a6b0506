namespace MultiRate.Logs.Decoding;

/// <summary>One field of a message definition.</summary>
/// <param name="Name">Field name.</param>
/// <param name="Type">Field type.</param>
/// <param name="Line">1-based line in the schema text, for errors.</param>
internal sealed record Ros2MsgField(string Name, Ros2FieldType Type, int Line);
