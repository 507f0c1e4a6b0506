using MultiRate.Scheduling.Tests.Fakes;

namespace MultiRate.Scheduling.Tests.Executor;

public class FastPathAllocationTests
{
    [Fact]
    public void Tick_SteadyStateFastTicks_AllocateNothing()
    {
        using var h = new Harness(TestProfiles.ThreeLevel());
        h.Sink.Keep = false;
        for (long k = 0; k < 3000; k++)
        {
            if (k % 100 != 0)
            {
                h.Executor.Tick(k); // warm up without slow ticks (those run on their own threads in real time)
            }
        }

        // Fast-only base ticks from 3001 on (every 100th carries slow ticks, which run on their own threads in real time).
        (long allocated, int _) = SteadyStateAllocation.Measure(i => h.Executor.Tick(3001 + i + (i / 99)), 198);
        Assert.Equal(0, allocated);
    }
}
