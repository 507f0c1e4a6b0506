namespace MultiRate.Core.Sensors;

/// <summary>Receives exactly one action per fast tick.</summary>
/// <remarks>Called on the fast thread; must not allocate or block. Exceptions are caught and counted by the runtime.</remarks>
public interface IActuatorSink
{
    /// <summary>Writes one action.</summary>
    void Write(long timeNs, long tick, ActionKind kind, ReadOnlySpan<float> action);
}
