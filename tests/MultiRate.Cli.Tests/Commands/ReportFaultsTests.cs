using MultiRate.Configuration.Rates;
using MultiRate.Core.Sensors;
using MultiRate.Recording;
using MultiRate.Scheduling.Ledger;
using MultiRate.Scheduling.Observation;

namespace MultiRate.Cli.Tests.Commands;

[Collection("cli")]
public class ReportFaultsTests
{
    [Fact]
    public void Report_RecordingWithFaults_SummaryHasFaultCountTable()
    {
        string path = Record(recorder =>
        {
            recorder.OnFault(new FaultRecord(LedgerEntry.HeadFault, "head", 3_000_000, 3));
            recorder.OnFault(new FaultRecord(LedgerEntry.HeadFault, "head", 4_000_000, 4));
            recorder.OnFault(new FaultRecord(LedgerEntry.SensorLate, "imu", 5_000_000, 5));
        });

        string md = Report(path);

        Assert.Contains("## Faults", md);
        Assert.Contains("| head_faults | head | 2 |", md);
        Assert.Contains("| sensor_late | imu | 1 |", md);
        Assert.Contains("3 faults in all", md);
    }

    [Fact]
    public void Report_RecordingWithoutFaults_SaysNoneRecorded()
    {
        string md = Report(Record(_ => { }));

        Assert.Contains("No faults recorded.", md);
    }

    private static string Report(string recording)
    {
        string dir = Path.Combine(Path.GetDirectoryName(recording)!, "report");
        var (code, _, err) = CliRunner.Run("report", recording, "--out", dir);
        Assert.True(code == 0, err);
        return File.ReadAllText(Path.Combine(dir, "summary.md"));
    }

    /// <summary>A short synthetic recording of the shipped profile: 20 head ticks, one update of each slow clock, plus <paramref name="more"/>.</summary>
    private static string Record(Action<McapRunRecorder> more)
    {
        string path = CliRunner.TempFile("faults.mcap", string.Empty);
        var profile = RateProfileLoader.Load(Path.Combine(CliRunner.RepoRoot, "rates/default.yaml"));
        using McapRunRecorder recorder = McapRunRecorder.Create(path, profile, RecorderOptions.ForReplay(0));
        float[] action = new float[profile.Action.Dimension];
        for (long tick = 0; tick < 20; tick++)
        {
            long t = tick * 1_000_000;
            recorder.OnAction(t, tick, ActionKind.Model, action);
            recorder.OnFastTick(new FastTickRecord(tick, t, 10_000, 10_000, 500_000, FastTickOutcome.Ok, 0, -1));
        }

        foreach (string clock in new[] { "context", "planner" })
        {
            recorder.OnSlowTick(new SlowTickRecord(clock, 0, 0, 1_000_000, 1_000_000, 60_000_000, SlowTickOutcome.Completed, 1));
        }

        more(recorder);
        return path;
    }
}
