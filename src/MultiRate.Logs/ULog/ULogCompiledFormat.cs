namespace MultiRate.Logs.ULog;

/// <summary>A format with every field's offset resolved, ready to decode payloads.</summary>
/// <param name="Name">Format name.</param>
/// <param name="Fields">Fields in wire order.</param>
/// <param name="Size">Full size in bytes, padding included.</param>
/// <param name="MinSize">Size without trailing padding: loggers may leave trailing padding out.</param>
/// <param name="TimestampOffset">Offset of the top-level <c>uint64_t timestamp</c>, or -1.</param>
internal sealed record ULogCompiledFormat(
    string Name,
    IReadOnlyList<ULogCompiledField> Fields,
    int Size,
    int MinSize,
    int TimestampOffset);
