using System.Text.Json.Nodes;

namespace MultiRate.Cli.Tests.Output;

/// <summary>The summary says where each module ran (<c>devices</c>), per module name.</summary>
[Collection("cli")]
public sealed class RunSummaryDevicesTests
{
    [Fact]
    public void ReplayJson_DefaultConfig_EveryModuleOnTheCpu()
    {
        (int code, string stdout, string stderr) = CliRunner.Run("replay", "--seconds", "0.2", "--json");
        Assert.True(code == 0, stderr);
        JsonObject devices = JsonNode.Parse(stdout)!["devices"]!.AsObject();
        Assert.Equal(["context", "head", "planner"], devices.Select(p => p.Key).Order(StringComparer.Ordinal));
        Assert.All(devices, p => Assert.Equal("cpu", (string?)p.Value));
    }

    [Fact]
    public void ReplayJson_HeadOnIlgpuCpu_SummarySaysSoAndContextStaysOnTheCpu()
    {
        string yaml = File.ReadAllText(Path.Combine(CliRunner.RepoRoot, "configs", "default.yaml"))
            .Replace("head: { hidden: [256],", "head: { device: ilgpu-cpu, hidden: [64],", StringComparison.Ordinal)
            .Replace("source: ../tests/data/", "source: " + Path.Combine(CliRunner.RepoRoot, "tests", "data") + "/", StringComparison.Ordinal);
        string config = CliRunner.TempFile("gpu.yaml", yaml);
        (int code, string stdout, string stderr) = CliRunner.Run("replay", "--config", config, "--seconds", "0.05", "--json");
        Assert.True(code == 0, stderr);
        JsonObject devices = JsonNode.Parse(stdout)!["devices"]!.AsObject();
        Assert.Equal("ilgpu-cpu", (string?)devices["head"]);
        Assert.Equal("cpu", (string?)devices["context"]);
    }

    [Fact]
    public void ReplayJson_HeadAndContextOnIlgpuCpu_SummarySaysBoth()
    {
        string yaml = File.ReadAllText(Path.Combine(CliRunner.RepoRoot, "configs", "default.yaml"))
            .Replace("head: { hidden: [256],", "head: { device: ilgpu-cpu, hidden: [64],", StringComparison.Ordinal)
            .Replace("context: { d_model: 64,", "context: { device: ilgpu-cpu, d_model: 64,", StringComparison.Ordinal)
            .Replace("source: ../tests/data/", "source: " + Path.Combine(CliRunner.RepoRoot, "tests", "data") + "/", StringComparison.Ordinal);
        string config = CliRunner.TempFile("gpu-context.yaml", yaml);
        (int code, string stdout, string stderr) = CliRunner.Run("replay", "--config", config, "--seconds", "0.05", "--json");
        Assert.True(code == 0, stderr);
        JsonObject devices = JsonNode.Parse(stdout)!["devices"]!.AsObject();
        Assert.Equal("ilgpu-cpu", (string?)devices["head"]);
        Assert.Equal("ilgpu-cpu", (string?)devices["context"]);
    }
}
