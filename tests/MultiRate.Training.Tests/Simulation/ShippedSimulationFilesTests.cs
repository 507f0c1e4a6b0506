using MultiRate.Configuration.Models;
using MultiRate.Configuration.Rates;
using MultiRate.Core.Models;
using MultiRate.Core.Rates;
using MultiRate.Tests.Shared;

namespace MultiRate.Training.Tests.Simulation;

public sealed class ShippedSimulationFilesTests
{
    [Fact]
    public void Load_EverySimulationProfile_AgreesWithTheSimulationConfigAndRunsTheHeadAtTheLogsRate()
    {
        ModelConfig config = ModelConfigLoader.Load(Path.Combine(RepoRoot.Path, "configs", "sim-attitude.yaml"));
        string[] profiles = Directory.GetFiles(Path.Combine(RepoRoot.Path, "rates"), "sim-attitude-*.yaml");

        Assert.Equal(4, profiles.Length); // 2, 10 (deterministic and latest) and 50 Hz
        foreach (string path in profiles)
        {
            RateProfile p = RateProfileLoader.Load(path);
            Assert.Equal(config.Context.History, p.Clock("context").History);
            Assert.Equal(config.Targets.Count, p.Action.Dimension);
            Assert.Equal(200, p.ActionClock.RateHz);
        }
    }
}
