namespace MultiRate.Logs.ULog;

/// <summary>A parameter changed during logging (a <c>P</c> record in the data section).</summary>
/// <param name="TimestampUs">The latest data timestamp seen before the change, in microseconds.</param>
/// <param name="Name">Parameter name.</param>
/// <param name="Value">New value (int32 and float parameters are both exact as double).</param>
public sealed record ULogParameterChange(ulong TimestampUs, string Name, double Value);
