using System.Collections.Concurrent;
using MultiRate.Core.Latent;
using MultiRate.Core.Sensors;
using MultiRate.Scheduling.Observation;

namespace MultiRate.Scheduling.Tests.Resilience;

/// <summary>Collects slow ticks, faults and latents from any thread and lets a test wait for the next slow tick.</summary>
internal sealed class SignallingObserver : IRunObserver, IDisposable
{
    private readonly BlockingCollection<SlowTickRecord> _slow = [];

    public ConcurrentQueue<FaultRecord> Faults { get; } = new();

    public ConcurrentQueue<LatentSnapshot> Latents { get; } = new();

    /// <summary>Waits (bounded) for the next finished slow tick; fails the test if none comes.</summary>
    public SlowTickRecord NextSlowTick()
    {
        Assert.True(_slow.TryTake(out SlowTickRecord record, TimeSpan.FromSeconds(30)), "no slow tick finished within 30 s");
        return record;
    }

    public void OnAction(long timeNs, long tick, ActionKind kind, ReadOnlySpan<float> action)
    {
    }

    public void OnFastTick(in FastTickRecord record)
    {
    }

    public void OnSlowTick(in SlowTickRecord record) => _slow.Add(record);

    public void OnLatentPublished(string clock, LatentSnapshot snapshot, long publishedNs) => Latents.Enqueue(snapshot);

    public void OnFault(in FaultRecord record) => Faults.Enqueue(record);

    public void Dispose() => _slow.Dispose();
}
