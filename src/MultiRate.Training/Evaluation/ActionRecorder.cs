using MultiRate.Core.Latent;
using MultiRate.Core.Sensors;
using MultiRate.Scheduling.Observation;

namespace MultiRate.Training.Evaluation;

/// <summary>Keeps every action the runtime emitted, with its run time (replay: one thread, so plain lists).</summary>
internal sealed class ActionRecorder : IRunObserver
{
    public List<long> TimesNs { get; } = new(1 << 16);

    public List<float> Values { get; } = new(1 << 18);

    public List<ActionKind> Kinds { get; } = new(1 << 16);

    public void OnAction(long timeNs, long tick, ActionKind kind, ReadOnlySpan<float> action)
    {
        TimesNs.Add(timeNs);
        Kinds.Add(kind);
        foreach (float v in action)
        {
            Values.Add(v);
        }
    }

    public void OnFastTick(in FastTickRecord record)
    {
    }

    public void OnSlowTick(in SlowTickRecord record)
    {
    }

    public void OnLatentPublished(string clock, LatentSnapshot snapshot, long publishedNs)
    {
    }
}
