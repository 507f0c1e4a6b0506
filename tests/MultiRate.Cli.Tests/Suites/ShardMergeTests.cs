using System.Text.Json.Nodes;

namespace MultiRate.Cli.Tests.Suites;

/// <summary>Sharded, merged and parallel runs give the report one serial, unsharded run gives (timing fields aside).</summary>
[Collection("cli")]
public sealed class ShardMergeTests
{
    [Fact]
    public void Merge_ThreeShards_EqualsOneUnshardedRun()
    {
        string suite = SuiteFiles.Write(SuiteFiles.Short());
        JsonObject whole = Report(CliRunner.Run("test", suite, "--json", "--jobs", "1"), 0);
        var shards = new List<string>();
        for (int i = 1; i <= 3; i++)
        {
            JsonObject shard = Report(CliRunner.Run("test", suite, "--json", "--shard", $"{i}/3"), 0);
            Assert.Equal($"{i}/3", (string?)shard["shard"]);
            Assert.Equal(i == 3 ? 1 : 2, shard["cases"]!.AsArray().Count);
            shards.Add(CliRunner.TempFile($"shard{i}.json", shard.ToJsonString()));
        }

        // Given out of order: the merged report is in suite order all the same.
        JsonObject merged = Report(CliRunner.Run("test", "merge", shards[2], shards[0], shards[1], "--json"), 0);

        Assert.Equal(5, whole["cases"]!.AsArray().Count);
        Assert.Equal(WithoutTiming(whole), WithoutTiming(merged));
    }

    [Fact]
    public void Test_ParallelJobs_GiveTheSerialRunsSummaries()
    {
        string suite = SuiteFiles.Write(SuiteFiles.Short());

        JsonObject serial = Report(CliRunner.Run("test", suite, "--json", "--jobs", "1"), 0);
        JsonObject parallel = Report(CliRunner.Run("test", suite, "--json", "--jobs", "5"), 0);

        Assert.Equal(WithoutTiming(serial), WithoutTiming(parallel));
    }

    [Fact]
    public void Merge_MissingOrRepeatedShard_ExitsTwoNamingIt()
    {
        string suite = SuiteFiles.Write("cases:\n" + SuiteFiles.Imu("a", "    to: 1\n") + SuiteFiles.Imu("b", "    to: 1\n"));
        string first = CliRunner.TempFile("s1.json", Report(CliRunner.Run("test", suite, "--json", "--shard", "1/2"), 0).ToJsonString());

        (int missingCode, _, string missing) = CliRunner.Run("test", "merge", first);
        (int twiceCode, _, string twice) = CliRunner.Run("test", "merge", first, first);

        Assert.Equal(2, missingCode);
        Assert.Contains("missing shard 2/2 of suite 'suite'", missing, StringComparison.Ordinal);
        Assert.Equal(2, twiceCode);
        Assert.Contains("shard 1/2 is also in", twice, StringComparison.Ordinal);
    }

    [Fact]
    public void Merge_FailedCaseInAShard_ExitsOne()
    {
        string suite = SuiteFiles.Write("cases:\n" + SuiteFiles.Imu("ok", "    to: 1\n") + SuiteFiles.Imu("bad", "    to: 1\n    expect: { actions: \"== 1\" }\n"));
        string one = CliRunner.TempFile("s1.json", Report(CliRunner.Run("test", suite, "--json", "--shard", "1/2"), 0).ToJsonString());
        string two = CliRunner.TempFile("s2.json", Report(CliRunner.Run("test", suite, "--json", "--shard", "2/2"), 1).ToJsonString());

        (int code, string stdout, _) = CliRunner.Run("test", "merge", one, two);

        Assert.Equal(1, code);
        Assert.Contains("suite: 1 passed, 1 failed", stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"suite\": \"s\"", "line 1, position")]
    [InlineData("[1, 2]", "expected a JSON object")]
    [InlineData("{\"suite\": \"s\", \"cases_in_suite\": 1, \"cases\": [{\"name\": 3}]}", "cases[0].failures: expected a list")]
    [InlineData("{\"suite\": \"s\", \"cases_in_suite\": -1, \"cases\": []}", "cases_in_suite: expected a whole number")]
    public void Merge_NotAReport_ExitsTwoNamingFileAndKey(string text, string message)
    {
        string path = CliRunner.TempFile("bad.json", text);

        (int code, _, string stderr) = CliRunner.Run("test", "merge", path);

        Assert.Equal(2, code);
        Assert.Contains(path, stderr, StringComparison.Ordinal);
        Assert.Contains(message, stderr, StringComparison.Ordinal);
    }

    private static JsonObject Report((int Code, string Out, string Err) run, int expectedCode)
    {
        Assert.True(run.Code == expectedCode, run.Out + run.Err);
        return JsonNode.Parse(run.Out)!.AsObject();
    }

    /// <summary>The report without its timing fields: time_s per case, wall_s and clocks[].latency_us in summaries.</summary>
    private static string WithoutTiming(JsonObject report)
    {
        var copy = report.DeepClone().AsObject();
        foreach (JsonNode? c in copy["cases"]!.AsArray())
        {
            c!.AsObject().Remove("time_s");
            JsonObject summary = c["summary"]!.AsObject();
            summary.Remove("wall_s");
            foreach (JsonNode? clock in summary["clocks"]!.AsArray())
            {
                clock!.AsObject().Remove("latency_us");
            }
        }

        return copy.ToJsonString();
    }
}
