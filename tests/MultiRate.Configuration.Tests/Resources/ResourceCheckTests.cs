using MultiRate.Configuration.Models;
using MultiRate.Configuration.Rates;
using MultiRate.Configuration.Resources;
using MultiRate.Core.Errors;
using Xunit;

namespace MultiRate.Configuration.Tests.Resources;

/// <summary>Models and histories the machine cannot hold or run are refused before anything is allocated.</summary>
public sealed class ResourceCheckTests
{
    [Fact]
    public void Parse_ModelLargerThanMemory_RefusedNamingSize()
    {
        // Every width is within its own range; together they need about 1 TB.
        string yaml = Models.ConfigYaml.With(
            "context: { d_model: 32, heads: 2, feed_forward: 64, recursion: 3, history: 5, latent_dim: 8 }",
            "context: { d_model: 65536, heads: 2, feed_forward: 262144, recursion: 3, history: 5, latent_dim: 8 }");

        var ex = Assert.Throws<ValidationException>(() => ModelConfigLoader.Parse(yaml, Models.ConfigYaml.File));

        ValidationError e = Assert.Single(ex.Errors);
        Assert.Contains("GiB", e.Message, StringComparison.Ordinal);
        Assert.Contains("this machine", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_ShippedPairs_Pass()
    {
        string root = RepoRoot.Path;
        var profile = RateProfileLoader.Load(Path.Combine(root, "rates", "default.yaml"));
        var config = ModelConfigLoader.Load(Path.Combine(root, "configs", "default.yaml"));

        Assert.Empty(ResourceCheck.Validate(profile, config));
    }

    [Fact]
    public void Validate_HeadTooLargeForItsBudget_RefusesHeadClock()
    {
        var profile = RateProfileLoader.Parse(Rates.ProfileYaml.Valid, Rates.ProfileYaml.File);
        string yaml = Models.ConfigYaml.With("head: { hidden: [64, 32], experts: 4, top_k: 2", "head: { hidden: [8192, 8192], experts: 4, top_k: 2");
        var config = ModelConfigLoader.Parse(yaml, null);

        var errors = ResourceCheck.Validate(profile, config);

        ValidationError e = Assert.Single(errors, x => x.KeyPath == "clocks.head.budget_us");
        Assert.Contains("over its budget of 500 us", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_HistoryTooLongForContextBudget_RefusesContextClock()
    {
        var profile = RateProfileLoader.Parse(Rates.ProfileYaml.With("history: 16", "history: 65536"), Rates.ProfileYaml.File);
        var config = ModelConfigLoader.Parse(Models.ConfigYaml.Valid, null);

        var errors = ResourceCheck.Validate(profile, config);

        Assert.Contains(errors, e => e.KeyPath == "clocks.context.budget_us");
    }
}
