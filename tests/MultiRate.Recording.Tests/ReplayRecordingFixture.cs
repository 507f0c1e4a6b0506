using MultiRate.Configuration.Rates;
using MultiRate.Core.Rates;
using MultiRate.Runtime.Composition;
using MultiRate.Recording;
using MultiRate.Runtime.Running;
using MultiRate.Scheduling.Executor;
using MultiRate.Scheduling.Stats;

namespace MultiRate.Recording.Tests;

/// <summary>Records one 1.5 s virtual-time replay of the shipped demo (rates/default.yaml + configs/default.yaml) once for the class.</summary>
public sealed class ReplayRecordingFixture
{
    public ReplayRecordingFixture()
    {
        Path = RecordingTestPaths.TempFile("replay.mcap");
        var options = new MultiRateOptions
        {
            ProfilePath = RecordingTestPaths.Repo("rates/default.yaml"),
            ConfigPath = RecordingTestPaths.Repo("configs/default.yaml"),
            Mode = ExecutionMode.Virtual,
            Duration = TimeSpan.FromSeconds(1.5),
        };
        RunPlan plan = RunPlan.Load(options);
        RateProfile profile = plan.Profile;
        LogStartNs = 1_000_000_000_000;
        using McapRunRecorder recorder = McapRunRecorder.Create(Path, profile, RecorderOptions.ForReplay(LogStartNs));
        using var session = new RunSession(plan, options, new TorchModuleFactory(), observers: [recorder]);
        Summary = session.Run();
        recorder.RecordSummary(Summary);
        Recorder = recorder;
    }

    public string Path { get; }

    public long LogStartNs { get; }

    public RunSummary Summary { get; }

    public McapRunRecorder Recorder { get; }
}
