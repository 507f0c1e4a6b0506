using System.Text.Json.Nodes;

namespace MultiRate.Cli.Tests.Dashboard;

[Collection("cli")]
public class RunCommandDashboardTests
{
    private static readonly string[] Px4 = ["--log", "tests/data/px4-ulog-pyulog/sample.ulg", "--rates", "rates/px4-attitude-250hz.yaml", "--config", "configs/px4-attitude.yaml"];

    [Fact]
    public void Replay_MissingLogConfig_ExitCode2NamingTheFile()
    {
        var (code, output, err) = CliRunner.Run(["replay", .. Px4, "--seconds", "1", "--log-config", "nope/logging.json"]);

        Assert.Equal(2, code);
        Assert.Contains("nope/logging.json", err, StringComparison.Ordinal);
        Assert.Equal(string.Empty, output);
    }

    [Fact]
    public void Replay_JsonWithNewFlags_StdoutIsOnlyTheJson()
    {
        var (code, output, err) = CliRunner.Run(["replay", .. Px4, "--seconds", "1", "--json", "--no-dashboard", "--no-watch", "--allow-truncated"]);

        Assert.True(code == 0, err);
        JsonObject s = JsonNode.Parse(output)!.AsObject();
        Assert.Equal(253, (long)s["actions"]!); // 250 ticks, then 3 ramp actions to the safe action
    }

    [Fact]
    public void Replay_RealtimePaceRedirected_PlainProgressLinesThenSummary()
    {
        var (code, output, err) = CliRunner.Run(["replay", .. Px4, "--seconds", "3", "--pace", "realtime"]);

        Assert.True(code == 0, err);
        // Redirected output: no live table, a plain line once a second (wall clock), then the summary table.
        string[] lines = output.Split('\n');
        // Which second the lines land on depends on the machine's load; that there are plain lines, and their format, does not.
        // A paced replay runs in real time, so lines written during its start-up warm-up say so instead.
        Assert.All(
            lines.Where(l => l.StartsWith("replay ", StringComparison.Ordinal) && l.Contains("warming up", StringComparison.Ordinal)),
            l => Assert.Matches(@"^replay \d+\.\d s warming up before tick 0 ", l));
        string progress = lines.First(l => l.StartsWith("replay ", StringComparison.Ordinal) && !l.Contains("warming up", StringComparison.Ordinal));
        Assert.Matches(@"^replay \d+\.\d s \d+% \| context .*\| head [\d.]+/250 Hz p50/p99/max [\d.]+/[\d.]+/[\d.]+ us \(budget 2000\.0\) misses \d+ skipped \d+ faults \d+ \| latent age ms p50 [\d.]+ max [\d.]+ \| actions: model \d+, degraded \d+, hold \d+, safe \d+; fallbacks \d+( \([a-z_]+ \d+(, [a-z_]+ \d+)*\))?; stale ticks \d+; periods without an action \d+$", progress.TrimEnd('\r'));
        Assert.Contains("actions: ", output, StringComparison.Ordinal);
        Assert.DoesNotContain('\u001b', progress);
    }
}
