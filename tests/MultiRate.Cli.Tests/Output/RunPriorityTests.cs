using System.Text.Json.Nodes;
using MultiRate.Cli.CommandLine.Args;
using MultiRate.Cli.Commands;
using MultiRate.Recording.Summaries;
using MultiRate.Scheduling.Executor;

namespace MultiRate.Cli.Tests.Output;

/// <summary><c>run</c> asks for SCHED_FIFO by default, falls back where refused, and the summary says first what it got.</summary>
[Collection("cli")]
public sealed class RunPriorityTests
{
    [Theory]
    [InlineData(null, false, "run", 80)]
    [InlineData(50, false, "run", 50)]
    [InlineData(0, false, "run", null)]
    [InlineData(null, true, "run", null)]
    [InlineData(50, true, "run", null)]
    public void FifoPriority_RealTimeOptions_DefaultAndOptOuts(int? given, bool noRealtime, string command, int? expected)
    {
        var args = new RunArgs { Command = command, FifoPriority = given, NoRealtime = noRealtime };

        Assert.Equal(expected, RunCommand.FifoPriority(args, ExecutionMode.RealTime));
        Assert.Null(RunCommand.FifoPriority(args, ExecutionMode.Virtual)); // virtual time has no thread to raise
    }

    [Fact]
    public void RunJson_Default_PriorityFirstWhatItGotAndEveryPeriodAccounted()
    {
        (int code, string stdout, string stderr) = CliRunner.Run("run", "--seconds", "0.3", "--json", "--no-watch");
        Assert.True(code == 0, stderr);
        JsonObject json = JsonNode.Parse(stdout)!.AsObject();

        Assert.Equal("realtime_priority", json.First().Key);
        JsonObject priority = json["realtime_priority"]!.AsObject();
        Assert.Equal(80, (int?)priority["requested"]);
        if ((string?)priority["policy"] == "SCHED_FIFO")
        {
            Assert.Equal(80, (int?)priority["priority"]);
            Assert.Null(priority["refusal"]);
        }
        else
        {
            // Not permitted here: normal scheduling, and why.
            Assert.Equal("normal", (string?)priority["policy"]);
            Assert.Null(priority["priority"]);
            Assert.Contains("SCHED_FIFO", (string?)priority["refusal"], StringComparison.Ordinal);
        }

        Assert.DoesNotContain("sched_setscheduler", stderr, StringComparison.Ordinal); // no warning: the summary says it
        Assert.True((bool)json["periods_accounted"]!);
        Assert.Empty(JsonSchemaValidator.Errors(JsonNode.Parse(RunSummaryJson.Schema)!.AsObject(), json));
    }

    [Fact]
    public void RunText_NoRealtime_FirstLineSaysNormalSchedulingAsAsked()
    {
        (int code, string stdout, string stderr) = CliRunner.Run("run", "--seconds", "0.2", "--no-realtime", "--no-dashboard", "--no-watch");
        Assert.True(code == 0, stderr);

        // The console wraps long lines at its width: the line is the first thing printed.
        Assert.StartsWith("real-time priority: off (normal scheduling, as asked;", stdout, StringComparison.Ordinal);
        Assert.Contains("\nperiods: planner ", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void ReplayJson_VirtualTime_HasNoPriority()
    {
        (int code, string stdout, string stderr) = CliRunner.Run("replay", "--seconds", "0.2", "--json");
        Assert.True(code == 0, stderr);

        Assert.False(JsonNode.Parse(stdout)!.AsObject().ContainsKey("realtime_priority"));
    }
}
