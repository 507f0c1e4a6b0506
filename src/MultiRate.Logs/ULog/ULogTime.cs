namespace MultiRate.Logs.ULog;

/// <summary>ULog timestamps are microseconds; log time is nanoseconds.</summary>
internal static class ULogTime
{
    /// <summary>Microseconds to nanoseconds, saturating instead of overflowing on a corrupt timestamp.</summary>
    public static long ToNs(ulong us) => us >= long.MaxValue / 1000 ? long.MaxValue : (long)us * 1000;
}
