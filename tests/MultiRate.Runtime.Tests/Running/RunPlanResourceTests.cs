using MultiRate.Core.Errors;
using MultiRate.Runtime.Running;

namespace MultiRate.Runtime.Tests.Running;

/// <summary>A run refuses, before building any module, a pair that <c>validate --config</c> refuses for memory or compute.</summary>
public sealed class RunPlanResourceTests
{
    private static readonly string Root = RepoRoot.Path;

    [Fact]
    public void Load_HeadTooWideForItsBudget_RefusedBeforeAnyModuleIsBuilt()
    {
        string config = File.ReadAllText(Path.Combine(Root, "configs", "default.yaml"));
        string wide = config.Replace("head: { hidden: [256],", "head: { hidden: [8192, 8192],", StringComparison.Ordinal);
        Assert.NotEqual(config, wide);
        string dir = Directory.CreateTempSubdirectory("multirate-runplan-").FullName;
        string path = Path.Combine(dir, "wide.yaml");
        File.WriteAllText(path, wide);
        try
        {
            var ex = Assert.Throws<ValidationException>(() => RunPlan.Load(Path.Combine(Root, "rates", "default.yaml"), path));

            Assert.Contains(ex.Errors, e => e.Message.Contains("budget", StringComparison.Ordinal));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void Load_ShippedDefaults_Accepted()
    {
        RunPlan plan = RunPlan.Load(Path.Combine(Root, "rates", "default.yaml"), Path.Combine(Root, "configs", "default.yaml"));

        Assert.Equal("default", plan.Profile.Name);
    }
}
