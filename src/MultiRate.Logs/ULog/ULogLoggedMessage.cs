namespace MultiRate.Logs.ULog;

/// <summary>A logged string (<c>L</c> record) or tagged logged string (<c>C</c> record).</summary>
/// <param name="Level">Log level byte: <c>'0'</c> (emergency) to <c>'7'</c> (debug).</param>
/// <param name="TimestampUs">Timestamp in microseconds.</param>
/// <param name="Text">The message text.</param>
/// <param name="Tag">The tag of a tagged message; null for a plain one.</param>
public sealed record ULogLoggedMessage(byte Level, ulong TimestampUs, string Text, ushort? Tag = null)
{
    /// <summary>The level as pyulog prints it: <c>EMERGENCY</c> ... <c>DEBUG</c>, or <c>UNKNOWN</c>.</summary>
    public string LevelName => Level switch
    {
        (byte)'0' => "EMERGENCY",
        (byte)'1' => "ALERT",
        (byte)'2' => "CRITICAL",
        (byte)'3' => "ERROR",
        (byte)'4' => "WARNING",
        (byte)'5' => "NOTICE",
        (byte)'6' => "INFO",
        (byte)'7' => "DEBUG",
        _ => "UNKNOWN",
    };
}
