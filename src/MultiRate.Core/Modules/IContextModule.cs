namespace MultiRate.Core.Modules;

/// <summary>
/// A slow, deep, recursive context module: one weight-tied block iterated K times on a latent
/// state, z &lt;- f(z, x), over a window of recent observations.
/// </summary>
/// <remarks>
/// Called on its own clock's worker thread, never concurrently with itself (the runtime skips a
/// trigger while an update is running). It returns an outcome instead of throwing.
/// </remarks>
public interface IContextModule : IDisposable
{
    /// <summary>Length of one observation row.</summary>
    int ObservationSize { get; }

    /// <summary>Length of the latent it publishes.</summary>
    int LatentSize { get; }

    /// <summary>Rows of history it wants per update.</summary>
    int HistoryLength { get; }

    /// <summary>Runs a few updates to settle JIT tiers and first-call costs.</summary>
    void WarmUp(int iterations);

    /// <summary>Computes a new latent.</summary>
    ContextResult Update(in ContextRequest request);
}
