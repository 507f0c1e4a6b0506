using MultiRate.Core.Modules;
using MultiRate.Core.Rates;
using MultiRate.Scheduling.Diagnostics;
using MultiRate.Scheduling.Executor;
using MultiRate.Scheduling.RealTime;
using MultiRate.Scheduling.Tests.Fakes;
using MultiRate.Scheduling.Drivers;

namespace MultiRate.Scheduling.Tests.Performance;

/// <summary>A profile's per-clock <c>cpu:</c> puts the fast and the slow threads on the cores it names (Linux: pinning and sched_getaffinity are Linux calls).</summary>
public class ThreadPlacementTests
{
    [Fact]
    public void Run_ProfileAsksForCores_FastAndSlowThreadsLandOnThem()
    {
        int fastCpu = Environment.ProcessorCount - 1;
        const int SlowCpu = 0;
        RateProfile baseProfile = TestProfiles.ThreeLevel();
        RateProfile profile = baseProfile with
        {
            // The planner at 5 Hz instead of 1 Hz: a loaded machine may skip a due tick (counted), and
            // six planner triggers in 1.2 s make it all but certain that one of them runs.
            Clocks = [.. baseProfile.Clocks.Select(c => c with
            {
                Cpu = c.Name == "head" ? fastCpu : SlowCpu,
                RateHz = c.Name == "planner" ? 5 : c.RateHz,
                BudgetUs = c.Name == "planner" ? 100_000 : c.BudgetUs,
                LatencyUs = c.Name == "planner" ? 0 : c.LatencyUs,
            })],
        };
        var head = new AffinityProbeHead();
        var planner = new AffinityProbeContext();
        var context = new AffinityProbeContext();
        using var executor = new MultiRateExecutor(
            profile,
            head,
            new Dictionary<string, IContextModule> { ["planner"] = planner, ["context"] = context },
            new RampSensor(null),
            null,
            new ExecutorOptions
            {
                HeadFields = [0, 1],
                ContextFields = [0],
                Recursion = 1,
                // No start-up warm-up: its throwaway graph calls the head on the calling thread, which is not the fast loop under test.
                WarmUpIterations = 0,

                // Placement is under test, not timeouts: on a loaded machine a first (JIT-cold) update may
                // exceed the default slow-path timeout and be abandoned before the probe runs.
                Resilience = new MultiRate.Scheduling.Resilience.ResilienceOptions { TimeoutMultiple = 1000 },
            });

        // As RunSession does: the action clock's cpu goes to the real-time scheduler's thread.
        using var scheduler = new RealTimeScheduler(new RealTimeSchedulerOptions { Cpu = profile.ActionClock.Cpu });
        executor.Run(new RealTimeDriver(scheduler), TimeSpan.FromMilliseconds(1200));

        Assert.Null(scheduler.PlacementNote);
        Assert.Equal([fastCpu], head.Cpus);
        Assert.Equal([SlowCpu], context.Cpus);
        Assert.Equal([SlowCpu], planner.Cpus);
    }

    [Fact]
    public void CurrentThreadCpus_UnpinnedThread_ListsAtLeastOneExistingCpu()
    {
        IReadOnlyList<int>? cpus = ThreadAffinity.CurrentThreadCpus();
        Assert.NotNull(cpus);
        Assert.NotEmpty(cpus);
        Assert.All(cpus, c => Assert.InRange(c, 0, Environment.ProcessorCount - 1));
    }
}
