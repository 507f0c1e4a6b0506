using MultiRate.Core.Sensors;

namespace MultiRate.Scheduling.Tests.Faults;

/// <summary>One stream, two fields (value, 1): each read delivers what the script says for that read time: (sample time, value) or null = nothing new.</summary>
internal sealed class ScriptedTimedSensor(Func<long, (long SampleNs, float Value)?> script) : ITimedSensorSource
{
    private long _sample;
    private long _deliveries;
    private float _value;

    public IReadOnlyList<string> Fields { get; } = ["/s.v", "/s.one"];

    public IReadOnlyList<string> Streams { get; } = ["/s"];

    public IReadOnlyList<int> StreamOfField { get; } = [0, 0];

    public long? StartNs => null;

    public long? EndNs => null;

    public bool Read(long timeNs, Span<float> observation)
    {
        if (script(timeNs) is (long s, float v))
        {
            _sample = s;
            _value = v;
            _deliveries++;
        }

        observation[0] = _value;
        observation[1] = 1;
        return true;
    }

    public void ReadSampleTimes(Span<long> sampleTimesNs, Span<long> deliveries)
    {
        sampleTimesNs[0] = _sample;
        deliveries[0] = _deliveries;
    }

    public void Dispose()
    {
    }
}
