using MultiRate.Configuration.Models;
using MultiRate.Configuration.Rates;
using MultiRate.Core.Models;
using MultiRate.Core.Rates;
using Xunit;

namespace MultiRate.Configuration.Tests;

public sealed class ShippedFilesTests
{
    public static TheoryData<string> RateFiles() => Files("rates");

    public static TheoryData<string> ConfigFiles() => Files("configs");

    [Theory]
    [MemberData(nameof(RateFiles))]
    public void Load_ShippedRateProfile_HasNoErrors(string name)
    {
        RateProfile p = RateProfileLoader.Load(Path.Combine(RepoRoot.Path, "rates", name));

        Assert.Equal(Path.GetFileNameWithoutExtension(name), p.Name);
        Assert.Empty(ProfileValidator.Validate(p));
    }

    [Theory]
    [MemberData(nameof(ConfigFiles))]
    public void Load_ShippedModelConfig_HasNoErrorsAndItsLogExists(string name)
    {
        ModelConfig c = ModelConfigLoader.Load(Path.Combine(RepoRoot.Path, "configs", name));

        Assert.Empty(ModelConfigValidator.Validate(c));
        Assert.True(c.Source == "synthetic" || File.Exists(c.Source), $"source {c.Source} does not exist");
    }

    [Fact]
    public void Load_ShippedFiles_IncludeTheDocumentedSet()
    {
        Assert.Subset(
            Names("rates"),
            new HashSet<string> { "default.yaml", "franka-1khz.yaml", "ur-500hz.yaml", "px4-attitude-250hz.yaml", "imu-100hz.yaml" });
        Assert.Subset(Names("configs"), new HashSet<string> { "default.yaml", "px4-attitude.yaml", "imu-csv.yaml" });
    }

    [Theory]
    [InlineData("default.yaml", "default.yaml")]
    [InlineData("px4-attitude-250hz.yaml", "px4-attitude.yaml")]
    [InlineData("imu-100hz.yaml", "imu-csv.yaml")]
    public void Load_ShippedPairs_AgreeOnContextHistoryAndTargets(string rates, string config)
    {
        RateProfile p = RateProfileLoader.Load(Path.Combine(RepoRoot.Path, "rates", rates));
        ModelConfig c = ModelConfigLoader.Load(Path.Combine(RepoRoot.Path, "configs", config));

        Assert.Equal(c.Context.History, p.Clock("context").History);
        Assert.True(c.Targets.Count == 0 || c.Targets.Count == p.Action.Dimension);
    }

    [Fact]
    public void Load_FrankaProfile_HasPandaTorqueLimits()
    {
        RateProfile p = RateProfileLoader.Load(Path.Combine(RepoRoot.Path, "rates", "franka-1khz.yaml"));

        Assert.Equal([87.0, 87, 87, 87, 12, 12, 12], p.Action.Max);
        Assert.Equal(500, p.ActionClock.BudgetUs);
        Assert.Equal(1000, p.ActionClock.RateHz);
    }

    private static HashSet<string> Names(string folder) =>
        [.. Directory.GetFiles(Path.Combine(RepoRoot.Path, folder), "*.yaml").Select(f => Path.GetFileName(f))];

    private static TheoryData<string> Files(string folder)
    {
        var data = new TheoryData<string>();
        foreach (string f in Names(folder).Order(StringComparer.Ordinal))
        {
            data.Add(f);
        }

        return data;
    }
}
