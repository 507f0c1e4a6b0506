namespace MultiRate.Logs.ULog;

/// <summary>Options for reading a ULog file.</summary>
public sealed class ULogReaderOptions
{
    /// <summary>
    /// When true, a file that ends in the middle of a record (a logger that lost power), or whose
    /// data section is damaged further on (a corrupt record), ends reading cleanly at that point
    /// instead of throwing; <see cref="ULogFile.TruncatedAt"/> and <see cref="ULogFile.Coverage"/> say where.
    /// Default: false (a <see cref="Abstractions.LogFormatException"/> with <c>IsTruncation</c>).
    /// </summary>
    public bool AllowTruncated { get; set; }

    /// <summary>
    /// How many messages <see cref="ULogFile.ReadMessages"/> holds back to emit them in timestamp
    /// order. ULog stores messages in write order, and a topic's sample timestamp can lag the
    /// others slightly. 0 emits file order. Default: 1024 (a few hundred KB at most). A message
    /// older than one already emitted (a stuck or far-lagging timestamp) is emitted as it comes,
    /// not dropped.
    /// </summary>
    public int ReorderWindow { get; set; } = 1024;
}
