using MultiRate.Core.Latent;
using MultiRate.Core.Sensors;
using MultiRate.Scheduling.Observation;
using MultiRate.Scheduling.Tests.Fakes;

namespace MultiRate.Scheduling.Tests.Executor;

public class ObserverPrepareTests
{
    [Fact]
    public void PrepareMethods_ObserversWithAndWithoutDefaultMembers_CompilesWithoutCallingThem()
    {
        var minimal = new MinimalObserver();
        int faults = 0;
        var set = new ObserverSet([minimal, new CollectingObserver()], () => faults++);

        set.PrepareMethods();

        Assert.Equal(0, minimal.Calls);
        Assert.Equal(0, faults);
    }

    /// <summary>Leaves OnFault to the interface's default body.</summary>
    private sealed class MinimalObserver : IRunObserver
    {
        public int Calls { get; private set; }

        public void OnAction(long timeNs, long tick, ActionKind kind, ReadOnlySpan<float> action) => Calls++;

        public void OnFastTick(in FastTickRecord record) => Calls++;

        public void OnSlowTick(in SlowTickRecord record) => Calls++;

        public void OnLatentPublished(string clock, LatentSnapshot snapshot, long publishedNs) => Calls++;
    }
}
