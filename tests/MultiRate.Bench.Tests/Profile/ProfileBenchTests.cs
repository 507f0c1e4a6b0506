using MultiRate.Bench.Profile;
using MultiRate.Bench.Tests.Tuning;
using MultiRate.Bench.Tuning;
using MultiRate.Core.Rates;
using MultiRate.Runtime.Running;

namespace MultiRate.Bench.Tests.Profile;

public sealed class ProfileBenchTests
{
    [Fact]
    public void Measure_ImuProfile_MeasuresEveryClockInOneFullGraphRun()
    {
        RunPlan plan = RunPlan.Load(Path.Combine(TuningRepo.Root, "rates", "imu-100hz.yaml"), Path.Combine(TuningRepo.Root, "configs", "imu-csv.yaml"));
        var options = new ProfileBenchOptions { WarmUp = 5, Samples = 50 };

        GraphRunResult run = ProfileBench.Measure(plan, options);

        // 50 counted periods of the 100 Hz head after 5 of warm-up; the 10 Hz context ran beside it in
        // the same run (ticks at 0.1, 0.2 ... 0.5 s), not on its own. Periods skipped after an overrun
        // are counted over the whole run, warm-up included, so a loaded machine may add up to 5.
        ClockTally head = run.Clocks.Single(c => c.Name == "head");
        ClockTally context = run.Clocks.Single(c => c.Name == "context");
        Assert.InRange(head.Ticks, 50, 55);
        Assert.InRange(context.Ticks, 5, 6);
        Assert.InRange(run.SamplesUs["head"].Length, 1, 55);
        Assert.InRange(run.SamplesUs["context"].Length, 1, 6);
        Assert.All(run.SamplesUs.Values.SelectMany(s => s), us => Assert.True(us > 0 && double.IsFinite(us)));
        Assert.Equal("realtime", run.Summary.Mode);
    }

    [Fact]
    public void WithPeriodBudgets_Profile_RaisesEveryBudgetToJustUnderItsPeriod()
    {
        RateProfile profile = Configuration.Rates.RateProfileLoader.Load(Path.Combine(TuningRepo.Root, "rates", "default.yaml"));

        RateProfile loose = GraphRun.WithPeriodBudgets(profile);

        Assert.Equal([999_999L, 99_999, 999], loose.Clocks.Select(c => c.BudgetUs));
        Assert.Equal(profile.Clocks.Select(c => c.RateHz), loose.Clocks.Select(c => c.RateHz));
        Assert.Empty(Configuration.Rates.ProfileValidator.Validate(loose));
    }

    [Fact]
    public void Periods_HeadAt1kHz_IsOneMillisecondEach()
    {
        var clock = new ClockDefinition { Name = "head", RateHz = 1000, BudgetUs = 500, Module = "head" };

        Assert.Equal(TimeSpan.FromMilliseconds(250), ProfileBench.Periods(250, clock));
    }

    [Fact]
    public void Validate_ZeroSamples_Throws()
    {
        var ex = Assert.Throws<TuningInputException>(() => new ProfileBenchOptions { Samples = 0 }.Validate());

        Assert.Contains("samples 0", ex.Message);
    }
}
