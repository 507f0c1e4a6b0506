using System.Text.Json.Nodes;

namespace MultiRate.Cli.Tests.Suites;

/// <summary><c>actions_match</c>: a case's action stream against a recording, and the time window's source against the replay's.</summary>
[Collection("cli")]
public sealed class GoldenActionsTests
{
    private static readonly string Golden = SuiteFiles.Repo("tests", "suites", "golden", "imu-first-5s.mcap");

    [Fact]
    public void ActionsMatch_WindowFromZeroOverTheRecordedSpan_MatchesTheReplaysRecording()
    {
        // The recording came from 'replay --seconds 5'; from: 0 goes through the suite's own windowed source instead.
        string suite = SuiteFiles.Write("cases:\n" + SuiteFiles.Imu("window", $"    from: 0\n    to: 5\n    actions_match: {{ recording: {Golden} }}\n"));

        (int code, string stdout, string stderr) = CliRunner.Run("test", suite, "--json");

        Assert.True(code == 0, stdout + stderr);
    }

    [Fact]
    public void ActionsMatch_OtherWindow_FailsNamingTheFirstDifferingActions()
    {
        string suite = SuiteFiles.Write("cases:\n" + SuiteFiles.Imu("shifted", $"    from: 60\n    to: 65\n    actions_match: {{ recording: {Golden}, tolerance: 1e-6 }}\n"));

        (int code, string stdout, string stderr) = CliRunner.Run("test", suite, "--json");

        Assert.True(code == 1, stdout + stderr);
        string[] failures = [.. JsonNode.Parse(stdout)!["cases"]![0]!["failures"]!.AsArray().Select(f => (string)f!)];
        Assert.StartsWith("actions_match: action 0 (tick 0): value[", failures[0], StringComparison.Ordinal);
        Assert.Contains("> tolerance", failures[0], StringComparison.Ordinal);
        Assert.Matches(@"^actions_match: \d+ more actions differ from .*imu-first-5s\.mcap \(\d+ of 501\)$", failures[^1]);
    }

    [Fact]
    public void ActionsMatch_ShorterRun_FailsCountingBoth()
    {
        string suite = SuiteFiles.Write("cases:\n" + SuiteFiles.Imu("short", $"    to: 4\n    actions_match: {{ recording: {Golden} }}\n"));

        (int code, string stdout, _) = CliRunner.Run("test", suite, "--json");

        // Both runs end on the ramp to the safe action: the shorter run's ramp (tick 400) is where they part.
        Assert.Equal(1, code);
        string?[] failures = [.. JsonNode.Parse(stdout)!["cases"]![0]!["failures"]!.AsArray().Select(f => (string?)f)];
        Assert.StartsWith("actions_match: action 400 (tick 400): kind safe", failures[0], StringComparison.Ordinal);
        Assert.Equal("actions_match: the run emitted 401 actions, the recording holds 501", failures[^1]);
    }

    [Fact]
    public void ActionsMatch_NotARecording_ExitsTwo()
    {
        string suite = SuiteFiles.Write("cases:\n" + SuiteFiles.Imu("wrong", $"    to: 1\n    actions_match: {{ recording: {SuiteFiles.Repo("tests", "data", "ros2-db3-tf-rosbags", "metadata.yaml")} }}\n"));

        (int code, string stdout, string stderr) = CliRunner.Run("test", suite, "--json");

        Assert.True(code == 2, stdout + stderr);
        Assert.Contains("metadata.yaml", (string?)JsonNode.Parse(stdout)!["cases"]![0]!["error"], StringComparison.Ordinal);
    }
}
