namespace MultiRate.Logs.Mcap;

/// <summary>Chunk compression used by <see cref="McapWriter"/>.</summary>
public enum McapCompression
{
    /// <summary>No compression (the file says <c>""</c>).</summary>
    None,

    /// <summary>Zstandard (<c>zstd</c>).</summary>
    Zstd,

    /// <summary>LZ4 frame format (<c>lz4</c>).</summary>
    Lz4,
}
