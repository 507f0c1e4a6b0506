using MultiRate.Scheduling.RealTime;

namespace MultiRate.Scheduling.Tests.RealTime;

public class RealTimeSchedulerPlacementTests
{
    [Fact]
    public void Constructor_PlacementRefused_NoteSetBeforeReturn()
    {
        // A CPU that does not exist is refused on every machine, with or without privileges; the
        // constructor must not return before the thread has tried, so callers can report it up front.
        using var scheduler = new RealTimeScheduler(new RealTimeSchedulerOptions { Cpu = Environment.ProcessorCount + 7 });

        Assert.NotNull(scheduler.PlacementNote);
        Assert.Contains("does not exist", scheduler.PlacementNote, StringComparison.Ordinal);
    }

    [Fact]
    public void Schedule_AfterFifoRefusedOrGranted_StillRuns()
    {
        // SCHED_FIFO 1 is granted with CAP_SYS_NICE and refused without; either way the clock must run.
        using var scheduler = new RealTimeScheduler(new RealTimeSchedulerOptions { FifoPriority = 1 });
        using var ran = new ManualResetEventSlim();
        using IDisposable work = System.Reactive.Concurrency.Scheduler.Schedule(scheduler, ran.Set);

        Assert.True(ran.Wait(TimeSpan.FromSeconds(30)));
        Assert.True(scheduler.PlacementNote is null || scheduler.PlacementNote.Contains("SCHED_FIFO", StringComparison.Ordinal));
    }
}
