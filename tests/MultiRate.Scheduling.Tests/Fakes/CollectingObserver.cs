using MultiRate.Core.Latent;
using MultiRate.Core.Sensors;
using MultiRate.Scheduling.Observation;

namespace MultiRate.Scheduling.Tests.Fakes;

/// <summary>Keeps every observed event (virtual time: one thread).</summary>
internal sealed class CollectingObserver : IRunObserver
{
    public List<(long TimeNs, long Tick, ActionKind Kind, float[] Action)> Actions { get; } = [];

    public List<FastTickRecord> Fast { get; } = [];

    public List<SlowTickRecord> Slow { get; } = [];

    public List<(string Clock, long Version, long PublishedNs)> Latents { get; } = [];

    public bool Throw { get; set; }

    public void OnAction(long timeNs, long tick, ActionKind kind, ReadOnlySpan<float> action)
    {
        Actions.Add((timeNs, tick, kind, action.ToArray()));
        if (Throw)
        {
            throw new InvalidOperationException("observer failure");
        }
    }

    public void OnFastTick(in FastTickRecord record) => Fast.Add(record);

    public void OnSlowTick(in SlowTickRecord record) => Slow.Add(record);

    public void OnLatentPublished(string clock, LatentSnapshot snapshot, long publishedNs) => Latents.Add((clock, snapshot.Version, publishedNs));
}
