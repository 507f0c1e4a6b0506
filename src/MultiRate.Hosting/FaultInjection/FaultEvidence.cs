using MultiRate.Core.Latent;
using MultiRate.Core.Sensors;
using MultiRate.Scheduling.Ledger;
using MultiRate.Scheduling.Observation;

namespace MultiRate.Hosting.FaultInjection;

/// <summary>Per-tick evidence of a fault run: actions per fast tick and their kinds, and the faults reported.</summary>
/// <remarks>Virtual time, one thread. Allocates its arrays once.</remarks>
internal sealed class FaultEvidence(long ticks) : IRunObserver
{
    public int[] ActionsPerTick { get; } = new int[ticks];

    public ActionKind[] KindPerTick { get; } = new ActionKind[ticks];

    public long OutOfRange { get; private set; }

    public Dictionary<LedgerEntry, long> Faults { get; } = [];

    public void OnAction(long timeNs, long tick, ActionKind kind, ReadOnlySpan<float> action)
    {
        if (tick < 0 || tick >= ActionsPerTick.Length)
        {
            OutOfRange++;
            return;
        }

        ActionsPerTick[tick]++;
        KindPerTick[tick] = kind;
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

    public void OnFault(in FaultRecord record) => Faults[record.Kind] = Faults.GetValueOrDefault(record.Kind) + 1;
}
