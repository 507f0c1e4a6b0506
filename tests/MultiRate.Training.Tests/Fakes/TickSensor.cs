using MultiRate.Core.Sensors;

namespace MultiRate.Training.Tests.Fakes;

/// <summary>One field whose value is the base tick index of the read time: windows show which ticks they hold.</summary>
internal sealed class TickSensor(long baseTickNs) : ISensorSource
{
    public IReadOnlyList<string> Fields { get; } = ["/s.x"];

    public long? StartNs => 0;

    public long? EndNs => null;

    public bool Read(long timeNs, Span<float> observation)
    {
        observation[0] = timeNs / baseTickNs;
        return true;
    }

    public void Dispose()
    {
    }
}
