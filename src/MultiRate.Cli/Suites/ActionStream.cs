using MultiRate.Core.Sensors;

namespace MultiRate.Cli.Suites;

/// <summary>Keeps every action a case's run emits (tick, kind, values), for the golden-recording comparison.</summary>
/// <remarks>
/// Written on the run's clock thread, one call per tick, read once the run is over. It grows its lists as it
/// goes: a suite case is a test run, not the robot, so it is not held to the fast path's no-allocation rule.
/// </remarks>
internal sealed class ActionStream : IActuatorSink
{
    private readonly List<long> ticks = [];
    private readonly List<ActionKind> kinds = [];
    private readonly List<float> values = [];

    /// <summary>Values per action (the first action's width; every action of a run has the same).</summary>
    public int Width { get; private set; }

    /// <summary>Actions kept.</summary>
    public int Count => ticks.Count;

    /// <inheritdoc />
    public void Write(long timeNs, long tick, ActionKind kind, ReadOnlySpan<float> action)
    {
        if (ticks.Count == 0)
        {
            Width = action.Length;
        }

        ticks.Add(tick);
        kinds.Add(kind);
        foreach (float v in action)
        {
            values.Add(v);
        }
    }

    /// <summary>The tick number of action <paramref name="i"/>.</summary>
    public long Tick(int i) => ticks[i];

    /// <summary>The kind of action <paramref name="i"/>.</summary>
    public ActionKind Kind(int i) => kinds[i];

    /// <summary>Value <paramref name="j"/> of action <paramref name="i"/>.</summary>
    public float Value(int i, int j) => values[(i * Width) + j];
}
