using MultiRate.Core.Latent;
using MultiRate.Core.Sensors;
using MultiRate.Scheduling.Observation;

namespace MultiRate.Scheduling.Tests.Faults;

/// <summary>Keeps actions, slow ticks, latents and faults (virtual time: one thread).</summary>
internal sealed class FaultObserver : IRunObserver
{
    public List<(long Tick, ActionKind Kind)> Actions { get; } = [];

    public List<SlowTickRecord> Slow { get; } = [];

    public List<(string Clock, long Version, long PublishedNs)> Latents { get; } = [];

    public List<FaultRecord> Faults { get; } = [];

    public void OnAction(long timeNs, long tick, ActionKind kind, ReadOnlySpan<float> action) => Actions.Add((tick, kind));

    public void OnFastTick(in FastTickRecord record)
    {
    }

    public void OnSlowTick(in SlowTickRecord record) => Slow.Add(record);

    public void OnLatentPublished(string clock, LatentSnapshot snapshot, long publishedNs) => Latents.Add((clock, snapshot.Version, publishedNs));

    public void OnFault(in FaultRecord record) => Faults.Add(record);

    /// <summary>Each tick 0..n-1 got exactly one action.</summary>
    public bool ExactlyOnePerTick(long ticks) =>
        Actions.Count == ticks && Actions.Select(a => a.Tick).SequenceEqual(Enumerable.Range(0, (int)ticks).Select(i => (long)i));
}
