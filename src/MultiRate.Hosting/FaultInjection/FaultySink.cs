using MultiRate.Core.Sensors;

namespace MultiRate.Hosting.FaultInjection;

/// <summary>Wraps the actuator sink (or none): throws while the plan says so.</summary>
internal sealed class FaultySink(IActuatorSink? inner, FaultTimeline timeline) : IActuatorSink
{
    public void Write(long timeNs, long tick, ActionKind kind, ReadOnlySpan<float> action)
    {
        if (timeline.ActiveNow(InjectedFault.SinkThrows))
        {
            timeline.Count();
            throw new IOException("injected: actuator sink fault");
        }

        inner?.Write(timeNs, tick, kind, action);
    }
}
