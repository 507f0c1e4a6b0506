namespace MultiRate.Logs.ULog;

/// <summary>ULog timestamps are microseconds; log time is nanoseconds.</summary>
internal static class ULogTime
{
    /// <summary>Microseconds to nanoseconds; the parser has already refused timestamps past <see cref="Abstractions.LogTime.MaxUs"/>.</summary>
    /// <exception cref="OverflowException">Only if that check were bypassed: never a silent wrap.</exception>
    public static long ToNs(ulong us) => checked((long)us * 1000);
}
