using System.Globalization;
using MultiRate.Runtime.Reload;
using MultiRate.Hosting.Tests.Reload.Fakes;
using Serilog.Events;

namespace MultiRate.Runtime.Tests.Reload;

/// <summary>Hot reload refuses what validation refuses, loudly, and notices a deleted profile.</summary>
public class ProfileWatcherSafetyTests
{
    [Fact]
    public void TryApply_SafeBeyondFloat32_RejectedAtWarningAndOldValuesStay()
    {
        using var run = new VirtualRun(VirtualRun.ProfileText(500));
        var log = new CollectingSink();
        using var watcher = new ProfileWatcher("/tmp/multirate-test/profile.yaml", () => run.Executor.Profile, run.Executor.Reload, log.CreateLogger(), null, null);
        string text = VirtualRun.ProfileText(500);
        string edited = text.Replace("safe: [0, 0], min: [-10, -10], max: [10, 10]", "safe: [1e39, 0], min: [-1e39, -10], max: [1e39, 10]", StringComparison.Ordinal);
        Assert.NotEqual(text, edited);

        ReloadResult result = watcher.TryApply(edited);

        Assert.Equal(ReloadOutcome.Rejected, result.Outcome);
        Assert.Contains(result.Errors, e => e.Contains("float32", StringComparison.Ordinal));
        Assert.Contains(log.Events, e => e.Level == LogEventLevel.Warning);
        Assert.DoesNotContain(run.Executor.Profile.Action.Safe, v => v > 1e38);
    }

    [Fact]
    public void ReloadFromFile_ProfileDeleted_WarnsOnce()
    {
        using var run = new VirtualRun(VirtualRun.ProfileText(500));
        var log = new CollectingSink();
        string dir = Path.Combine(Path.GetTempPath(), "multirate-reload-tests", Guid.NewGuid().ToString("N", CultureInfo.InvariantCulture));
        Directory.CreateDirectory(dir);
        string path = Path.Combine(dir, "profile.yaml");
        File.WriteAllText(path, VirtualRun.ProfileText(500));
        using var watcher = new ProfileWatcher(path, () => run.Executor.Profile, run.Executor.Reload, log.CreateLogger(), null, null);
        watcher.Start();

        File.Delete(path);
        watcher.ReloadFromFile();
        watcher.ReloadFromFile();

        LogEvent warning = Assert.Single(log.Events, e => e.Level == LogEventLevel.Warning);
        Assert.Contains("deleted or moved away", warning.RenderMessage(CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }
}
