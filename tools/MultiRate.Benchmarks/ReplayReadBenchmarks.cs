using BenchmarkDotNet.Attributes;
using MultiRate.Logs.Replay;

namespace MultiRate.Benchmarks;

/// <summary>Input fill: sample-and-hold reads of 16 replayed fields at 1 kHz tick times.</summary>
[MemoryDiagnoser]
public class ReplayReadBenchmarks
{
    private readonly float[] _obs = new float[16];
    private ReplaySensorSource _source = null!;
    private long _t;

    [GlobalSetup]
    public void Setup()
    {
        var fields = Enumerable.Range(0, 16).Select(i =>
        {
            long[] times = Enumerable.Range(0, 100_000).Select(k => k * 4_000_000L).ToArray();
            float[] values = times.Select(t => (float)Math.Sin(t / 1e9)).ToArray();
            return ($"/t.f{i}", times, values);
        }).ToList();
        _source = new ReplaySensorSource(LogSeries.FromArrays(fields));
    }

    [Benchmark]
    public bool Read()
    {
        _t = (_t + 1_000_000) % 399_000_000_000L;
        return _source.Read(_t, _obs);
    }
}
