namespace MultiRate.Logs.Decoding;

/// <summary>A constant of a message definition (<c>int32 FOO=3</c>); not serialized.</summary>
/// <param name="Name">Constant name.</param>
/// <param name="Type">Primitive type.</param>
/// <param name="Value">Value text as written (quotes removed for strings).</param>
internal sealed record Ros2MsgConstant(string Name, Ros2Primitive Type, string Value);
