using MultiRate.Core.Sensors;

namespace MultiRate.Hosting.Tests.Reload.Fakes;

/// <summary>Field 0 = time in seconds, field 1 = 1. Records read times.</summary>
internal sealed class RampSensor : ISensorSource
{
    public IReadOnlyList<string> Fields { get; } = ["/t", "/one"];

    public long? StartNs => null;

    public long? EndNs => null;

    public bool Read(long timeNs, Span<float> observation)
    {
        observation[0] = (float)(timeNs / 1e9);
        observation[1] = 1;
        return true;
    }

    public void Dispose()
    {
    }
}
