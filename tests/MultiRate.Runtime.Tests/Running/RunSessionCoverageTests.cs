using MultiRate.Runtime.Composition;
using MultiRate.Runtime.Running;
using MultiRate.Logs.Abstractions;
using MultiRate.Scheduling.Executor;

namespace MultiRate.Runtime.Tests.Running;

/// <summary>Replaying a damaged log: refused by default, replayed up to the damage with AllowTruncated, and reported.</summary>
public sealed class RunSessionCoverageTests : IDisposable
{
    private static readonly string Root = RepoRoot.Path;
    private readonly string _dir = Directory.CreateTempSubdirectory("multirate-session-coverage-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Run_TruncatedLogWithAllowTruncated_ReplaysUpToTheCutAndReportsCoverage()
    {
        string log = HalfOfSampleLog();
        using var session = Session(Options(log, allowTruncated: true));

        session.Run();

        LogCoverage coverage = Assert.IsType<LogCoverage>(session.Coverage);
        Assert.True(coverage.Damaged);
        Assert.True(coverage.Truncated);
        Assert.InRange(coverage.StoppedAtByte!.Value, 1, new FileInfo(log).Length);
        Assert.True(coverage.MessagesRead > 0);
        Assert.Null(coverage.LogEndNs);
    }

    [Fact]
    public void Run_TruncatedLogWithoutAllowTruncated_ThrowsTruncation()
    {
        using var session = Session(Options(HalfOfSampleLog(), allowTruncated: false));

        var error = Assert.Throws<LogFormatException>(() => session.Run());

        Assert.True(error.IsTruncation);
        Assert.Null(session.Coverage);
    }

    [Fact]
    public void Run_WholeLog_CoverageIsNotDamaged()
    {
        using var session = Session(Options(Path.Combine(Root, "tests", "data", "px4-ulog-pyulog", "sample.ulg"), allowTruncated: true));

        session.Run();

        Assert.False(session.Coverage!.Damaged);
        Assert.Equal(session.Coverage.LastMessageNs, session.Coverage.LogEndNs);
    }

    private static RunSession Session(MultiRateOptions options) => new(RunPlan.Load(options), options, new TorchModuleFactory());

    private static MultiRateOptions Options(string log, bool allowTruncated) => new()
    {
        ProfilePath = Path.Combine(Root, "rates", "px4-attitude-250hz.yaml"),
        ConfigPath = Path.Combine(Root, "configs", "px4-attitude.yaml"),
        LogPath = log,
        Mode = ExecutionMode.Virtual,
        Duration = TimeSpan.FromSeconds(1),
        AllowTruncated = allowTruncated,
    };

    private string HalfOfSampleLog()
    {
        byte[] all = File.ReadAllBytes(Path.Combine(Root, "tests", "data", "px4-ulog-pyulog", "sample.ulg"));
        string path = Path.Combine(_dir, "half.ulg");
        File.WriteAllBytes(path, all[..((all.Length / 2) + 5)]);
        return path;
    }
}
