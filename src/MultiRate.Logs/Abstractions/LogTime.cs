using System.Globalization;

namespace MultiRate.Logs.Abstractions;

/// <summary>
/// The range of log times every reader accepts, so that the arithmetic done on them (unit
/// conversion, spans, offsets from the first message, replay durations) can never overflow.
/// </summary>
/// <remarks>
/// A log time is nanoseconds since an epoch the log chooses (Unix time for most recorders, boot
/// time for PX4). <see cref="MaxNs"/> is just below 2^62 ns, about 146 years: past any real clock (Unix time
/// reaches it in the year 2116) and half of <see cref="long.MaxValue"/>, so the difference or sum of
/// two log times always fits in a <see cref="long"/>. A larger time is damage (a flipped bit, an
/// uninitialised field, 2^64-1 written as "unknown") and is refused with the byte offset.
/// </remarks>
public static class LogTime
{
    /// <summary>The latest log time accepted: just below 2^62 ns.</summary>
    public const long MaxNs = (1L << 62) - 1;

    /// <summary>The earliest log time accepted (CSV times may be negative): <c>-MaxNs</c>, so any difference of two fits in a <see cref="long"/>.</summary>
    public const long MinNs = -MaxNs;

    /// <summary>The latest ULog timestamp accepted, in microseconds (<see cref="MaxNs"/> / 1000).</summary>
    public const ulong MaxUs = (ulong)MaxNs / 1000;

    /// <summary>What an out-of-range time is expected to be, for <see cref="LogFormatException"/> messages.</summary>
    public static string Expected(ulong found, string unit) =>
        string.Create(CultureInfo.InvariantCulture, $"a log time below 2^62 ns (about 146 years, the year 2116 in Unix time), found {found} {unit}");

    /// <summary>Seconds between two accepted log times, exact in <see cref="long"/> arithmetic.</summary>
    public static double SpanSeconds(long firstNs, long lastNs) => checked(lastNs - firstNs) / 1e9;
}
