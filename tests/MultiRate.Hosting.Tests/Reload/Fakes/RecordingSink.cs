using MultiRate.Core.Sensors;

namespace MultiRate.Hosting.Tests.Reload.Fakes;

/// <summary>Keeps every action written.</summary>
internal sealed class RecordingSink : IActuatorSink
{
    public List<(long TimeNs, long Tick, ActionKind Kind, float[] Action)> Actions { get; } = [];

    public bool Keep { get; set; } = true;

    /// <summary>Called with each tick index after the action is kept (e.g. to trigger a reload mid-run).</summary>
    public Action<long>? OnWrite { get; set; }

    public void Write(long timeNs, long tick, ActionKind kind, ReadOnlySpan<float> action)
    {
        if (Keep)
        {
            Actions.Add((timeNs, tick, kind, action.ToArray()));
        }

        OnWrite?.Invoke(tick);
    }
}
