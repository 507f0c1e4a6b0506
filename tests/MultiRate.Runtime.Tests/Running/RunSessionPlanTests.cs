using Microsoft.Extensions.DependencyInjection;
using MultiRate.Runtime.Composition;
using MultiRate.Runtime.Running;
using MultiRate.Scheduling.Executor;

namespace MultiRate.Runtime.Tests.Running;

public sealed class RunSessionPlanTests
{
    private static readonly string Root = RepoRoot.Path;

    private static RunPlan Plan() => RunPlan.Load(Path.Combine(Root, "rates", "default.yaml"), Path.Combine(Root, "configs", "default.yaml"));

    [Fact]
    public void Constructor_OptionsNameFilesThatDoNotExist_ReadsNoFileAndUsesThePlan()
    {
        RunPlan plan = Plan();
        var options = new MultiRateOptions { ProfilePath = "/nonexistent/rates.yaml", ConfigPath = "/nonexistent/config.yaml", Mode = ExecutionMode.Virtual };

        using var session = new RunSession(plan, options, new TorchModuleFactory());

        Assert.Same(plan.Profile, session.Profile);
        Assert.Same(plan.Config, session.Config);
        Assert.Same(plan.Layout, session.Layout);
    }

    [Fact]
    public void AddMultiRate_PlanRegisteredByTheCaller_SessionUsesItWithoutLoadingAgain()
    {
        RunPlan plan = Plan();
        var services = new ServiceCollection();
        services.AddSingleton(plan);
        services.AddMultiRate(o =>
        {
            o.ProfilePath = "/nonexistent/rates.yaml";
            o.ConfigPath = "/nonexistent/config.yaml";
        });
        using ServiceProvider provider = services.BuildServiceProvider();

        using RunSession session = provider.GetRequiredService<RunSession>();

        Assert.Same(plan, session.Plan);
    }

    [Fact]
    public void AddMultiRate_NoPlanRegistered_LoadsTheOptionsFilesOnce()
    {
        var services = new ServiceCollection();
        services.AddMultiRate(o =>
        {
            o.ProfilePath = Path.Combine(Root, "rates", "default.yaml");
            o.ConfigPath = Path.Combine(Root, "configs", "default.yaml");
        });
        using ServiceProvider provider = services.BuildServiceProvider();

        using RunSession first = provider.GetRequiredService<RunSession>();
        using RunSession second = provider.GetRequiredService<RunSession>();

        Assert.Same(first.Plan, second.Plan);
        Assert.Equal("default", first.Profile.Name);
    }
}
