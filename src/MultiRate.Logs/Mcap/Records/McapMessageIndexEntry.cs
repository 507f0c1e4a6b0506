namespace MultiRate.Logs.Mcap;

/// <summary>One entry of a <see cref="McapMessageIndex"/>.</summary>
/// <param name="LogTime">Message log time in nanoseconds.</param>
/// <param name="Offset">Offset of the Message record inside the decompressed chunk records.</param>
public readonly record struct McapMessageIndexEntry(ulong LogTime, ulong Offset);
