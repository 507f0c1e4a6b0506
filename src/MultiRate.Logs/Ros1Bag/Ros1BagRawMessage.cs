namespace MultiRate.Logs.Ros1Bag;

/// <summary>A message data record before decoding.</summary>
/// <param name="TimeNs">Its time (the record's <c>time</c> field).</param>
/// <param name="Connection">Its connection.</param>
/// <param name="Data">The serialised message.</param>
/// <param name="ChunkPosition">Byte offset of the chunk that holds it (or of the record itself outside chunks).</param>
/// <param name="Offset">Offset of the record in the uncompressed chunk.</param>
internal readonly record struct Ros1BagRawMessage(long TimeNs, Ros1BagConnection Connection, ReadOnlyMemory<byte> Data, long ChunkPosition, int Offset);
