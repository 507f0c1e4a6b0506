namespace MultiRate.Live.Serving;

/// <summary>One WebSocket message waiting in a client's queue.</summary>
/// <param name="Buffer">The bytes (a pooled array for data frames).</param>
/// <param name="Length">How many of them are the message.</param>
/// <param name="IsData">A binary message data frame (counted against the queue's bound, buffer pooled); otherwise a JSON text message.</param>
internal readonly record struct OutgoingFrame(byte[] Buffer, int Length, bool IsData);
