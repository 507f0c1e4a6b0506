using MultiRate.Core.Rates;
using MultiRate.Hosting.FaultInjection;
using MultiRate.Recording;
using MultiRate.Logs;
using MultiRate.Logs.Abstractions;
using MultiRate.Scheduling.Ledger;
using MultiRate.Scheduling.Observation;
using MultiRate.Scheduling.Stats;

namespace MultiRate.Recording.Tests;

public class FaultRecordingTests
{
    [Fact]
    public void Record_VirtualRunWithHeadThrowing_OneFaultMessagePerCountedHeadFault()
    {
        string path = RecordingTestPaths.TempFile("faults.mcap");
        var runner = new FaultRunner(RecordingTestPaths.Repo("rates/default.yaml"), RecordingTestPaths.Repo("configs/default.yaml"), TimeSpan.FromSeconds(1));
        RateProfile profile = runner.Profile;
        var plan = new FaultPlan(InjectedFault.HeadThrows, StartTick: 300, DurationTicks: 40, Seed: 1);
        RunSummary summary;
        using (McapRunRecorder recorder = McapRunRecorder.Create(path, profile, RecorderOptions.ForReplay(0)))
        {
            summary = runner.Run(plan, observers: [recorder]).Summary!;
        }

        using ISensorLog log = SensorLogs.Open(path);
        List<LogMessage> faults = log.ReadMessages([RecordingTopics.Faults]).ToList();
        Assert.Equal(40, summary.Guards["head_faults"]);
        Assert.Equal(40, faults.Count);
        Assert.All(faults, m => Assert.Equal("head_faults", (string)m.Data["kind"]!));
        Assert.All(faults, m => Assert.Equal(profile.ActionClock.Name, (string)m.Data["source"]!));
        Assert.Equal(Enumerable.Range(300, 40).Select(i => (long)i), faults.Select(m => (long)m.Data["tick"]!));
        Assert.All(faults, m => Assert.Equal((long)m.Data["tick"]! * profile.ActionClock.PeriodNs, (long)m.Data["time_ns"]!));
    }

    [Fact]
    public void OnFault_EveryKind_WrittenWithItsLedgerNameAndSource()
    {
        string path = RecordingTestPaths.TempFile("kinds.mcap");
        LedgerEntry[] kinds = [.. LedgerNames.FaultEntries];
        using (McapRunRecorder recorder = RecorderTestProfile.Create(path))
        {
            for (int i = 0; i < kinds.Length; i++)
            {
                recorder.OnFault(new FaultRecord(kinds[i], "src" + i, i * 1_000_000L, i));
            }
        }

        using ISensorLog log = SensorLogs.Open(path);
        List<LogMessage> faults = log.ReadMessages([RecordingTopics.Faults]).ToList();
        Assert.Equal(kinds.Length, faults.Count);
        Assert.Equal(kinds.Select(LedgerNames.Name), faults.Select(m => (string)m.Data["kind"]!));
        Assert.Equal("context_non_finite", (string)faults[Array.IndexOf(kinds, LedgerEntry.ContextNonFinite)].Data["kind"]!);
        Assert.Equal("sink_faults", (string)faults[Array.IndexOf(kinds, LedgerEntry.SinkFault)].Data["kind"]!);
        Assert.Equal(kinds.Select((_, i) => "src" + i), faults.Select(m => (string)m.Data["source"]!));
        Assert.Equal(kinds.Select((_, i) => i * 1_000_000L), faults.Select(m => (long)m.Data["time_ns"]!));
    }

    [Fact]
    public void FaultSchema_KindEnum_ListsEveryLedgerFaultEntryInOrder()
    {
        var schema = System.Text.Json.Nodes.JsonNode.Parse(RecordingSchemas.Fault)!;
        string[] names = [.. schema["properties"]!["kind"]!["enum"]!.AsArray().Select(n => (string)n!)];

        Assert.Equal(LedgerNames.FaultEntries.Select(e => RecordingSerializer.FaultKinds[(int)e].Value), names);
    }
}
