namespace MultiRate.Logs.Mcap;

/// <summary>
/// Options for <see cref="McapWriter"/>. The feature switches mirror the MCAP conformance suite's
/// variants (ch, mx, chx, st, rsh, rch, ax, mdx, sum), so every variant can be reproduced exactly.
/// </summary>
public sealed class McapWriterOptions
{
    /// <summary>Header profile (e.g. <c>ros2</c>). Default empty.</summary>
    public string Profile { get; set; } = string.Empty;

    /// <summary>Header library. Default <c>MultiRate</c>.</summary>
    public string Library { get; set; } = "MultiRate";

    /// <summary>Put schemas, channels and messages into chunks (feature <c>ch</c>). Default true.</summary>
    public bool UseChunks { get; set; } = true;

    /// <summary>A chunk is closed (and flushed) once its uncompressed records exceed this many bytes. Default 1 MiB.</summary>
    public int ChunkSize { get; set; } = 1024 * 1024;

    /// <summary>Chunk compression. Default <see cref="McapCompression.Zstd"/>.</summary>
    public McapCompression Compression { get; set; } = McapCompression.Zstd;

    /// <summary>Zstandard level (1-22). Default 3, zstd's own default.</summary>
    public int ZstdLevel { get; set; } = 3;

    /// <summary>Write a Message Index record per channel after each chunk (feature <c>mx</c>). Default true.</summary>
    public bool UseMessageIndex { get; set; } = true;

    /// <summary>Write Chunk Index records in the summary (feature <c>chx</c>). Default true.</summary>
    public bool UseChunkIndex { get; set; } = true;

    /// <summary>Write a Statistics record in the summary (feature <c>st</c>). Default true.</summary>
    public bool UseStatistics { get; set; } = true;

    /// <summary>Repeat every schema in the summary (feature <c>rsh</c>). Default true.</summary>
    public bool RepeatSchemas { get; set; } = true;

    /// <summary>Repeat every channel in the summary (feature <c>rch</c>). Default true.</summary>
    public bool RepeatChannels { get; set; } = true;

    /// <summary>Write Attachment Index records in the summary (feature <c>ax</c>). Default true.</summary>
    public bool UseAttachmentIndex { get; set; } = true;

    /// <summary>Write Metadata Index records in the summary (feature <c>mdx</c>). Default true.</summary>
    public bool UseMetadataIndex { get; set; } = true;

    /// <summary>Write Summary Offset records (feature <c>sum</c>). Default true.</summary>
    public bool UseSummaryOffsets { get; set; } = true;

    /// <summary>
    /// Also ask the operating system to put each completed chunk on the disk (<c>fsync</c>) when the
    /// stream is a <see cref="FileStream"/>, so completed chunks survive a power loss and not only a
    /// crash of the process (which a plain flush already covers). Costs one disk sync per chunk. Default false.
    /// </summary>
    public bool FlushToDisk { get; set; }

    /// <summary>A copy, so later changes by the caller don't reach a running writer.</summary>
    internal McapWriterOptions Clone() => (McapWriterOptions)MemberwiseClone();

    /// <summary>Throws <see cref="ArgumentException"/> listing every invalid option.</summary>
    internal void Validate()
    {
        var problems = new List<string>();
        if (ChunkSize <= 0)
        {
            problems.Add($"ChunkSize must be positive, found {ChunkSize}");
        }

        if (!Enum.IsDefined(Compression))
        {
            problems.Add($"Compression must be None, Zstd or Lz4, found {(int)Compression}");
        }

        if (ZstdLevel is < 1 or > 22)
        {
            problems.Add($"ZstdLevel must be 1-22, found {ZstdLevel}");
        }

        if (Profile is null || Library is null)
        {
            problems.Add("Profile and Library must not be null");
        }

        if (problems.Count > 0)
        {
            throw new ArgumentException("Invalid McapWriterOptions: " + string.Join("; ", problems) + ".");
        }
    }
}
