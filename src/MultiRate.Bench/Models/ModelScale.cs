namespace MultiRate.Bench.Models;

/// <summary>One named split of parameters between the slow context and the fast head.</summary>
/// <param name="Name">Row name, e.g. <c>helix-like</c>.</param>
/// <param name="HeadWidth">The head's hidden width (one dense layer).</param>
/// <param name="ContextDModel">The context's token width (feed-forward 4x, heads d/64 at least 1).</param>
public sealed record ModelScale(string Name, int HeadWidth, int ContextDModel)
{
    /// <summary>The dense-vs-multirate headline's models (head 4096, context d_model 128): the shipped toy scale.</summary>
    public static ModelScale Default { get; } = new("default", 4096, 128);

    /// <summary>Figure's Helix split in small: the context about 90x the head's parameters (Helix: 7B over 80M).</summary>
    public static ModelScale HelixLike { get; } = new("helix-like", 1024, 896);

    /// <summary>The largest context that fits this kind of machine (2 cores, a few GB) and a one-minute bench.</summary>
    public static ModelScale Largest { get; } = new("largest", 4096, 2048);
}
