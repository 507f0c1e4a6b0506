namespace MultiRate.Logs.Mcap;

/// <summary>Options for <see cref="McapStreamReader"/> and <see cref="McapIndexedReader"/>.</summary>
public sealed class McapReaderOptions
{
    /// <summary>
    /// Largest record (or decompressed chunk) the reader will hold in memory. A length field above
    /// this is reported as corruption rather than allocated. Default 1 GiB.
    /// </summary>
    public long MaxRecordBytes { get; set; } = 1L << 30;

    /// <summary>Check chunk, attachment, data-section and summary CRCs when they are set (non-zero). Default true.</summary>
    public bool ValidateCrcs { get; set; } = true;

    /// <summary>
    /// For <see cref="McapSensorLog"/> only: end <c>ReadMessages</c> quietly at a truncated end (a
    /// crashed recording) instead of throwing; <see cref="McapSensorLog.IsTruncated"/> still says so.
    /// The record readers always throw. Default false.
    /// </summary>
    public bool AllowTruncated { get; set; }

    /// <summary>
    /// Largest decompressed chunk the reader will expand. A chunk declaring more is refused before
    /// any decompression: zeros compress about 30,000:1, so a few KiB on disk could otherwise cost
    /// GiBs of memory. Writers use chunks of 1-4 MiB (the MCAP and rosbag2 defaults). Default 128 MiB.
    /// </summary>
    public long MaxDecompressedChunkBytes { get; set; } = 128L << 20;

    /// <summary>The effective decompressed-chunk cap: the smaller of the two limits.</summary>
    internal long EffectiveMaxChunkBytes => Math.Min(EffectiveMaxRecordBytes, Math.Max(1, MaxDecompressedChunkBytes));

    /// <summary>The effective record cap: never more than a .NET array can hold.</summary>
    internal long EffectiveMaxRecordBytes => Math.Clamp(MaxRecordBytes, 1, Array.MaxLength);
}
