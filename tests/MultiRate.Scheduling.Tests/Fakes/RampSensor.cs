using MultiRate.Core.Sensors;

namespace MultiRate.Scheduling.Tests.Fakes;

/// <summary>Field 0 = time in seconds, field 1 = 1. Records read times.</summary>
internal sealed class RampSensor(TraceLog? trace = null) : ISensorSource
{
    public IReadOnlyList<string> Fields { get; } = ["/t", "/one"];

    public long? StartNs => null;

    public long? EndNs => null;

    public bool Read(long timeNs, Span<float> observation)
    {
        trace?.Add("observe", -1, timeNs);
        observation[0] = (float)(timeNs / 1e9);
        observation[1] = 1;
        return true;
    }

    public void Dispose()
    {
    }
}
