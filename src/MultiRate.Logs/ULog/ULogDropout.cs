namespace MultiRate.Logs.ULog;

/// <summary>A dropout (<c>O</c> record): the logger lost data for a while.</summary>
/// <param name="TimestampUs">The latest data timestamp seen before the dropout, in microseconds.</param>
/// <param name="DurationMs">How long data was lost, in milliseconds.</param>
public sealed record ULogDropout(ulong TimestampUs, ushort DurationMs);
