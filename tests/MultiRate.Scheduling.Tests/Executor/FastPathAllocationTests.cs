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

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (long k = 3001; k < 3100; k++)
        {
            h.Executor.Tick(k);
        }

        for (long k = 3101; k < 3200; k++)
        {
            h.Executor.Tick(k);
        }

        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(0, allocated);
    }
}
