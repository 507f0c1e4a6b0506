using System.Text.Json.Nodes;
using MultiRate.Logs;
using MultiRate.Logs.Abstractions;

namespace MultiRate.Cli.Tests.Commands;

/// <summary>SIGTERM stops a long virtual replay at the next base tick: exact safe action, complete recording, exit 0.</summary>
[Collection("cli")]
public class ReplayStopSignalTests
{
    private const double Seconds = 1_000_000; // 10^9 base ticks of rates/default.yaml: no machine replays them all

    [Fact]
    public async Task Replay_SigtermDuringALongReplay_StopsEarlyOnTheSafeActionWithACompleteRecording()
    {
        string dir = Path.Combine(Path.GetTempPath(), "multirate-replay-signal-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        string recording = Path.Combine(dir, "replay.mcap");
        (int exitCode, string stdout, string stderr) = await SignalledRecording.RunAsync(
            recording, 15, "replay", "--seconds", Seconds.ToString(System.Globalization.CultureInfo.InvariantCulture), "--json");

        Assert.True(exitCode == 0, stderr);
        JsonObject summary = JsonNode.Parse(stdout)!.AsObject();
        Assert.Equal("virtual", (string)summary["mode"]!);
        Assert.True((bool)summary["stopped_early"]!, summary.ToJsonString());
        Assert.Equal("signal", (string)summary["stop_reason"]!);

        // The ledger shows the stop: far fewer head ticks than the replay asked for, and after the last
        // tick only the stop ramp's actions (bounded by the rate limits), not the ticks that remained.
        var profile = MultiRate.Configuration.Rates.RateProfileLoader.Load(Path.Combine(CliRunner.RepoRoot, "rates", "default.yaml"));
        long headTicks = (long)summary["ledger"]!["clocks"]!["head"]!["ticks"]!;
        long asked = (long)(Seconds * profile.ActionClock.RateHz);
        Assert.InRange(headTicks, 1, (asked / 1000) - 1);
        Assert.Equal(headTicks, (long)summary["ticks"]!["head"]!);
        long rampBound = (long)Math.Ceiling(profile.Action.WorstCaseStopMs() * 1e6 / profile.ActionClock.PeriodNs) + 1;
        long ramp = (long)summary["actions"]! - headTicks;
        Assert.InRange(ramp, 1, rampBound);

        // The recording is complete (summary and footer written) and ends on the safe action, bit for bit.
        using (ISensorLog log = SensorLogs.Open(recording))
        {
            List<LogMessage> actions = log.ReadMessages(["/multirate/actions"]).ToList();
            Assert.Equal((long)summary["actions"]!, actions.Count);
            float[] last = [.. actions[^1].Data["values"]!.AsArray().Select(v => (float)v!)];
            Assert.Equal("safe", (string)actions[^1].Data["kind"]!);
            Assert.Equal(profile.Action.Safe.Select(v => BitConverter.SingleToInt32Bits((float)v)), last.Select(BitConverter.SingleToInt32Bits));
            Assert.Single(log.ReadMessages(["/multirate/summary"]));
        }

        Directory.Delete(dir, recursive: true);
    }
}
