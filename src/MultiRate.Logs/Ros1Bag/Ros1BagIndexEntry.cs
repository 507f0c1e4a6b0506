namespace MultiRate.Logs.Ros1Bag;

/// <summary>One index data entry: a message's time, connection and offset in its uncompressed chunk.</summary>
/// <param name="TimeNs">Message time.</param>
/// <param name="Connection">Connection id.</param>
/// <param name="Offset">Offset of the message data record in the uncompressed chunk.</param>
internal readonly record struct Ros1BagIndexEntry(long TimeNs, uint Connection, uint Offset);
