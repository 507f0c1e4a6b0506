using MultiRate.Core.Latent;
using MultiRate.Core.Sensors;
using MultiRate.Scheduling.Observation;
using MultiRate.Scheduling.Tests.Fakes;

namespace MultiRate.Hosting.Tests.Reload.Fakes;

/// <summary>Keeps every fast tick record (virtual time: one thread).</summary>
internal sealed class FastTickCollector : IRunObserver
{
    public List<FastTickRecord> Fast { get; } = [];

    public void OnAction(long timeNs, long tick, ActionKind kind, ReadOnlySpan<float> action)
    {
    }

    public void OnFastTick(in FastTickRecord record) => Fast.Add(record);

    public void OnSlowTick(in SlowTickRecord record)
    {
    }

    public void OnLatentPublished(string clock, LatentSnapshot snapshot, long publishedNs)
    {
    }
}
