using MultiRate.Configuration.Rates;
using MultiRate.Core.Rates;
using MultiRate.Bench.Profile;
using MultiRate.Bench.Tuning;

namespace MultiRate.Bench.Tests.Tuning;

public sealed class ProfileTunerTests
{
    // Injected samples for rates/default.yaml: p99.9 of three samples is the largest, times 1.5, rounded up.
    // planner 4000 x 1.5 = 6000; context 1500 x 1.5 = 2250 -> 2300; head 41 x 1.5 = 61.5 -> 62.
    private static readonly Dictionary<string, double[]> Samples = new()
    {
        ["planner"] = [2000, 3000, 4000],
        ["context"] = [1000, 1200, 1500],
        ["head"] = [20, 30, 41],
    };

    private static (string Path, string Text, ProfileBenchReport Report) Setup(IReadOnlyDictionary<string, double[]> samples)
    {
        string path = TuningRepo.CopyProfile("default.yaml");
        string text = File.ReadAllText(path);
        RateProfile profile = RateProfileLoader.Parse(text, path);
        return (path, text, ProfileBenchReport.FromSamples(profile, "test", samples, TuningPolicy.Default));
    }

    [Fact]
    public void Tune_InjectedSamples_ChangesOnlyTheBudgetValues()
    {
        var (path, text, report) = Setup(Samples);

        TuneResult result = ProfileTuner.Tune(path, text, report, new TuneOptions());

        Assert.True(result.IsValid, result.ValidationErrors);
        Assert.True(result.HotReloadable);
        Assert.Equal(
            [("planner", 400_000L, 6000L), ("context", 60_000L, 2300L), ("head", 500L, 62L)],
            result.Changes.Select(c => (c.Clock, c.OldValue, c.NewValue)));
        Assert.All(result.Changes, c => Assert.Equal("budget_us", c.Key));
        string[] before = text.Split('\n');
        string[] after = result.TunedText.Split('\n');
        Assert.Equal(before.Length, after.Length);
        for (int i = 0; i < before.Length; i++)
        {
            TuneChange? change = result.Changes.SingleOrDefault(c => c.Line == i + 1);
            string expected = change is null ? before[i] : before[i].Replace($"budget_us: {change.OldValue}", $"budget_us: {change.NewValue}", StringComparison.Ordinal);
            Assert.Equal(expected, after[i]);
        }
    }

    [Fact]
    public void Tune_InjectedSamples_TunedProfileLoadsWithTheNewBudgetsAndEverythingElseEqual()
    {
        var (path, text, report) = Setup(Samples);
        RateProfile original = RateProfileLoader.Parse(text, path);

        TuneResult result = ProfileTuner.Tune(path, text, report, new TuneOptions());
        RateProfile tuned = RateProfileLoader.Parse(result.TunedText, result.TunedPath);

        Assert.Equal(6000, tuned.Clock("planner").BudgetUs);
        Assert.Equal(2300, tuned.Clock("context").BudgetUs);
        Assert.Equal(62, tuned.Clock("head").BudgetUs);
        foreach (ClockDefinition c in original.Clocks)
        {
            Assert.Equal(c with { BudgetUs = tuned.Clock(c.Name).BudgetUs }, tuned.Clock(c.Name));
        }

        Assert.Equal(original.Handoffs, tuned.Handoffs);
        Assert.Equal(original.Latent, tuned.Latent);
    }

    [Fact]
    public void Write_ValidResult_WritesTheTunedFileBesideTheOriginalAndLeavesTheOriginal()
    {
        var (path, text, report) = Setup(Samples);
        TuneResult result = ProfileTuner.Tune(path, text, report, new TuneOptions());

        ProfileTuner.Write(result);

        Assert.Equal(Path.Combine(Path.GetDirectoryName(path)!, "default.tuned.yaml"), result.TunedPath);
        Assert.Equal(result.TunedText, File.ReadAllText(result.TunedPath));
        Assert.Equal(text, File.ReadAllText(path));
        Assert.Equal(62, RateProfileLoader.Load(result.TunedPath).Clock("head").BudgetUs);
    }

    [Fact]
    public void Tune_InjectedSamples_DiffShowsOnlyTheBudgetLines()
    {
        var (path, text, report) = Setup(Samples);

        TuneResult result = ProfileTuner.Tune(path, text, report, new TuneOptions());

        string[] removed = [.. result.Diff.Split('\n').Where(l => l.StartsWith('-') && !l.StartsWith("---", StringComparison.Ordinal))];
        string[] added = [.. result.Diff.Split('\n').Where(l => l.StartsWith('+') && !l.StartsWith("+++", StringComparison.Ordinal))];
        Assert.StartsWith("--- " + path, result.Diff, StringComparison.Ordinal);
        Assert.Contains("+++ " + result.TunedPath, result.Diff, StringComparison.Ordinal);
        Assert.Equal(3, removed.Length);
        Assert.Equal(3, added.Length);
        Assert.Contains(added, l => l.Contains("budget_us: 62,", StringComparison.Ordinal) && l.Contains("rate_hz: 1000", StringComparison.Ordinal));
    }

    [Fact]
    public void Tune_BudgetLongerThanThePeriod_IsInvalidAndWriteRefuses()
    {
        var samples = new Dictionary<string, double[]>(Samples) { ["context"] = [80_000] };
        var (path, text, report) = Setup(samples);

        TuneResult result = ProfileTuner.Tune(path, text, report, new TuneOptions());

        Assert.False(result.IsValid);
        Assert.Contains("clocks.context.budget_us", result.ValidationErrors);
        Assert.Contains(result.Notes, n => n.Contains("--lower-rates", StringComparison.Ordinal) && n.Contains("8 Hz", StringComparison.Ordinal));
        var ex = Assert.Throws<TuningInputException>(() => ProfileTuner.Write(result));
        Assert.Contains("refusing to write", ex.Message);
        Assert.False(File.Exists(result.TunedPath));
    }

    [Fact]
    public void Tune_LowerRates_LowersOnlyTheClockThatCannotFitAndNeedsARestart()
    {
        var samples = new Dictionary<string, double[]>(Samples) { ["context"] = [80_000] };
        var (path, text, report) = Setup(samples);

        TuneResult result = ProfileTuner.Tune(path, text, report, new TuneOptions { LowerRates = true });

        Assert.True(result.IsValid, result.ValidationErrors);
        Assert.False(result.HotReloadable);
        TuneChange rate = Assert.Single(result.Changes, c => c.Key == "rate_hz");
        Assert.Equal(("context", 10L, 8L), (rate.Clock, rate.OldValue, rate.NewValue));
        RateProfile tuned = RateProfileLoader.Parse(result.TunedText, result.TunedPath);
        Assert.Equal(8, tuned.Clock("context").RateHz);
        Assert.Equal(120_000, tuned.Clock("context").BudgetUs);
        Assert.Equal(1000, tuned.Clock("head").RateHz);
    }

    [Fact]
    public void Tune_ClockMissingFromTheMeasurements_IsLeftUnchangedWithANote()
    {
        var samples = new Dictionary<string, double[]> { ["head"] = [20, 30, 41] };
        var (path, text, report) = Setup(samples);

        TuneResult result = ProfileTuner.Tune(path, text, report, new TuneOptions());

        Assert.Equal("head", Assert.Single(result.Changes).Clock);
        Assert.Contains(result.Notes, n => n.Contains("clock 'planner': not in the measurements", StringComparison.Ordinal));
    }

    [Fact]
    public void Tune_BudgetsAlreadyRecommended_ChangesNothing()
    {
        var samples = new Dictionary<string, double[]> { ["head"] = [333] }; // 333 x 1.5 = 499.5 -> 500
        var (path, text, report) = Setup(samples);

        TuneResult result = ProfileTuner.Tune(path, text, report, new TuneOptions());

        Assert.Empty(result.Changes);
        Assert.Equal(text, result.TunedText);
        Assert.Equal(string.Empty, result.Diff);
    }

    [Fact]
    public void FromSamples_ClockNotInTheProfile_ThrowsNamingIt()
    {
        var samples = new Dictionary<string, double[]> { ["arm"] = [1] };

        var ex = Assert.Throws<TuningInputException>(() => Setup(samples));

        Assert.Contains("'arm'", ex.Message);
        Assert.Contains("planner, context, head", ex.Message);
    }

    [Fact]
    public void TunedPathFor_Profile_IsBesideItWithTunedBeforeTheExtension() =>
        Assert.Equal(Path.Combine("rates", "franka-1khz.tuned.yaml"), ProfileTuner.TunedPathFor(Path.Combine("rates", "franka-1khz.yaml")));
}
