using System.Reactive.Concurrency;
using CsCheck;
using MultiRate.Core.Modules;
using MultiRate.Core.Rates;
using MultiRate.Scheduling.Executor;
using MultiRate.Scheduling.Resilience;
using MultiRate.Training.Data;
using MultiRate.Training.Fitting;
using MultiRate.Training.Schedule;
using MultiRate.Training.Tests.Fakes;

namespace MultiRate.Training.Tests.Schedule;

/// <summary>Training's pairing against what the real executor handed the head and each context module, in virtual time.</summary>
public class ScheduleTimelineExecutorTests
{
    private const long BaseTicks = 900;

    [Fact]
    public void Pairing_GeneratedSchedules_SameLatentAgeWindowsAndUpstreamAsTheExecutor()
    {
        CalendarCase.Gen.Sample(c => AssertPairingMatchesExecutor(c.Profile()), iter: 60, threads: 1, print: c => c.ToString());
    }

    private static void AssertPairingMatchesExecutor(RateProfile profile)
    {
        var head = new LatentRecordingHead();
        var contexts = profile.Clocks.Where(c => c != profile.ActionClock).ToDictionary(c => c.Module, _ => new ChainContext(historyLength: 6));
        using (var executor = new MultiRateExecutor(profile, head, contexts.ToDictionary(p => p.Key, p => (IContextModule)p.Value), new TickSensor(CalendarCase.BaseNs), null, new ExecutorOptions
        {
            HeadFields = [0],
            ContextFields = [0],
            Recursion = 1,
            Resilience = new ResilienceOptions { TimeoutMultiple = 1000 },
        }))
        {
            executor.Run(new MultiRate.Scheduling.Drivers.VirtualTimeDriver(), TimeSpan.FromTicks(BaseTicks * CalendarCase.BaseNs / 100));
        }

        ScheduleTimeline timeline = ScheduleTimeline.Read(profile, moduleHistory: 6, BaseTicks);
        Pairing pairing = Pairing.Build(timeline, TrainingMode.MultiRate);
        float[] rows = [.. timeline.FastBaseTicks.Select(b => (float)b)];
        ChainContext[] levels = [.. timeline.Levels.Select(l => contexts[profile.Clock(l.Clock).Module])];

        // Every trigger of every level: the same ticks started, the same window, the same upstream tick.
        for (int l = 0; l < levels.Length; l++)
        {
            SlowTimeline level = timeline.Levels[l];
            Assert.Equal(Enumerable.Range(0, level.Started.Length).Where(j => level.Started[j]).Select(j => (long)j), levels[l].Calls.Keys.Order());
            foreach ((long tick, (long timeNs, float[] window, long upstream)) in levels[l].Calls)
            {
                Assert.Equal(level.BaseTicks[tick] * CalendarCase.BaseNs, timeNs);
                Assert.Equal(Window(rows, level.RowEnd[tick], level.WindowRows), window);
                Assert.Equal(level.Upstream[tick], upstream);
            }
        }

        // Every head tick: the latent it read, its age, and down the chain the window each level's latent came from.
        Assert.Equal(timeline.FastBaseTicks.Length, head.Reads.Count);
        for (int i = 0; i < head.Reads.Count; i++)
        {
            Assert.True(head.Reads[i].SlowTick == timeline.VisibleSlowTick[i], $"action tick {i}: executor read {head.Reads[i].SlowTick}, timeline {timeline.VisibleSlowTick[i]}");
            Assert.Equal(pairing.AgeSeconds[i], head.Reads[i].AgeSeconds);
            long tick = head.Reads[i].SlowTick;
            for (int l = 0; l < levels.Length; l++)
            {
                int end = pairing.RowEnds[l][i];
                if (tick < 0)
                {
                    Assert.Equal(-1, end);
                    continue;
                }

                (_, float[] window, long upstream) = levels[l].Calls[tick];
                Assert.Equal(window, Window(rows, end, timeline.Levels[l].WindowRows));
                tick = upstream;
            }
        }
    }

    private static float[] Window(float[] rows, int rowEnd, int windowRows)
    {
        float[] window = new float[windowRows];
        ContextWindow.Fill(rows, 1, rowEnd, windowRows, windowRows, window);
        return window;
    }
}
