using MultiRate.Core.Rates;
using MultiRate.Core.Sensors;
using MultiRate.Scheduling.Output;

namespace MultiRate.Scheduling.Diagnostics;

/// <summary>
/// The runtime's own output stage and action hasher, each driven one model action at a time outside a
/// run, so measurement can time their per-tick cost in isolation (the overhead bench's breakdown)
/// without reaching into the executor.
/// </summary>
/// <remarks>A probe owns its own stage and hasher: nothing it does reaches a run or a sink.</remarks>
public sealed class OutputStageProbe : IDisposable
{
    private readonly OutputStage _output;
    private readonly ActionHasher _hasher = new();

    /// <summary>Creates a probe for actions of <paramref name="spec"/>.</summary>
    /// <param name="spec">The action's dimension and limits.</param>
    public OutputStageProbe(ActionSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        _output = new OutputStage(spec, null);
    }

    /// <summary>What the fast stage does with a model action: claims the tick, then emits (checks, clamps, hashes).</summary>
    /// <param name="tick">The fast tick.</param>
    /// <param name="timeNs">Run time of the tick, ns.</param>
    /// <param name="action">The head's action.</param>
    public void EmitModel(long tick, long timeNs, ReadOnlySpan<float> action)
    {
        _output.TryClaim(tick, out long previous);
        _output.EmitModel(timeNs, tick, previous, ActionKind.Model, action);
    }

    /// <summary>Only the hash step of an emission: appends the action to a SHA-256 of the run's actions.</summary>
    /// <param name="tick">The fast tick.</param>
    /// <param name="action">The action.</param>
    public void AppendToHash(long tick, ReadOnlySpan<float> action) => _hasher.Append(tick, ActionKind.Model, action);

    /// <inheritdoc />
    public void Dispose()
    {
        _output.Dispose();
        _hasher.Dispose();
    }
}
