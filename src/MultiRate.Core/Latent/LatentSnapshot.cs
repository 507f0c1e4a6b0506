namespace MultiRate.Core.Latent;

/// <summary>
/// One immutable, versioned latent published by a slow module.
/// </summary>
/// <remarks>
/// Immutable after construction: the values array is owned by the snapshot and never written
/// again, so readers on any thread may use it without locks.
/// </remarks>
public sealed class LatentSnapshot
{
    /// <summary>Creates a snapshot. The snapshot takes ownership of <paramref name="values"/>.</summary>
    public LatentSnapshot(long version, long sourceTick, long sourceTimeNs, long producedAtNs, int recursionSteps, float[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        Version = version;
        SourceTick = sourceTick;
        SourceTimeNs = sourceTimeNs;
        ProducedAtNs = producedAtNs;
        RecursionSteps = recursionSteps;
        Values = values;
    }

    /// <summary>Monotonic version, 1 for the first published snapshot.</summary>
    public long Version { get; }

    /// <summary>Index of the slow tick whose inputs produced this latent.</summary>
    public long SourceTick { get; }

    /// <summary>Time of that slow tick: the latent's age is measured from here.</summary>
    public long SourceTimeNs { get; }

    /// <summary>When the computation finished.</summary>
    public long ProducedAtNs { get; }

    /// <summary>Recursion steps the context module ran (anytime recursion may stop early).</summary>
    public int RecursionSteps { get; }

    /// <summary>The latent vector. Never modified after publication.</summary>
    public float[] Values { get; }

    /// <summary>Age of this latent at <paramref name="nowNs"/>.</summary>
    public long AgeAt(long nowNs) => nowNs - SourceTimeNs;
}
