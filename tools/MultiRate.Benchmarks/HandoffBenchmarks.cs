using BenchmarkDotNet.Attributes;
using MultiRate.Core.Latent;

namespace MultiRate.Benchmarks;

/// <summary>The latent handoff: what the fast thread pays to read the latest snapshot, and the slow thread to publish one.</summary>
[MemoryDiagnoser]
public class HandoffBenchmarks
{
    private LatentChannel _channel = new(new LatentSnapshot(1, 0, 0, 0, 8, new float[64]));
    private readonly LatentSnapshot[] _snapshots = Enumerable.Range(2, 1024).Select(v => new LatentSnapshot(v, v, v, v, 8, new float[64])).ToArray();
    private int _next;

    [Benchmark]
    public long ReadLatest() => _channel.Latest!.Version;

    [Benchmark]
    public bool Publish()
    {
        // Versions must increase; wrap with a fresh channel so every call really publishes.
        if (_next == _snapshots.Length)
        {
            _next = 0;
            _channel = new LatentChannel();
        }

        return _channel.Publish(_snapshots[_next++]);
    }
}
