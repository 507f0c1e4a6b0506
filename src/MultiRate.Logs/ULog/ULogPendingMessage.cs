namespace MultiRate.Logs.ULog;

/// <summary>A data message held in the reorder window, still undecoded.</summary>
/// <param name="TimeNs">Log time.</param>
/// <param name="Subscription">Topic and format.</param>
/// <param name="Data">Message bytes (a copy; the reader's buffer moves on).</param>
internal sealed record ULogPendingMessage(long TimeNs, ULogSubscription Subscription, byte[] Data);
