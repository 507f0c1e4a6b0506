namespace MultiRate.Logs.ULog;

/// <summary>An add-logged-message (<c>A</c> record): msg_id bound to a format and instance.</summary>
/// <param name="MsgId">The id data records carry.</param>
/// <param name="MultiId">Instance number of a multi-instance topic.</param>
/// <param name="Topic">Topic name: <c>name/multi_id</c>.</param>
/// <param name="Format">Compiled layout of the message.</param>
internal sealed record ULogSubscription(ushort MsgId, byte MultiId, string Topic, ULogCompiledFormat Format);
