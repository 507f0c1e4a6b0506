using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text.Json.Nodes;
using MultiRate.Logs;
using MultiRate.Logs.Abstractions;

namespace MultiRate.Cli.Tests.Commands;

/// <summary>SIGTERM stops a real-time run the way a robot's supervisor expects: safe action, flushed recording, summary, exit 0.</summary>
[Collection("cli")]
public class GracefulStopTests
{
    private const int SigTerm = 15;

    [Fact]
    public async Task Run_SigTerm_SafeActionRecordingReadableSummaryExitZero()
    {
        string dir = Path.Combine(Path.GetTempPath(), "multirate-stop-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        string recording = Path.Combine(dir, "run.mcap");
        string dll = Path.Combine(AppContext.BaseDirectory, "multirate.dll");
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = CliRunner.RepoRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (string arg in new[] { dll, "run", "--seconds", "120", "--json", "--no-watch", "--record", recording })
        {
            start.ArgumentList.Add(arg);
        }

        using Process process = Process.Start(start)!;
        Task<string> stdout = process.StandardOutput.ReadToEndAsync();
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        try
        {
            // Wait (bounded) until the clocks run: the recorder has flushed its first chunk past the header.
            var waited = Stopwatch.StartNew();
            while (!process.HasExited && RecordingProgress.Bytes(recording) < 64 * 1024 && waited.Elapsed < TimeSpan.FromSeconds(90))
            {
                await Task.Delay(100);
            }

            Assert.False(process.HasExited, "the run ended before SIGTERM was sent");
            Assert.Equal(0, Kill(process.Id, SigTerm));
            Assert.True(process.WaitForExit(60_000), "the run did not stop within 60 s of SIGTERM");
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }

        Assert.True(process.ExitCode == 0, await stderr);
        JsonObject summary = JsonNode.Parse(await stdout)!.AsObject();
        Assert.True((bool)summary["stopped_early"]!, summary.ToJsonString());
        Assert.True((long)summary["actions_by_kind"]!["safe"]! >= 1);

        // The recording is complete (summary and footer written): a strict read succeeds and ends on the safe action.
        using ISensorLog log = SensorLogs.Open(recording);
        List<LogMessage> actions = log.ReadMessages(["/multirate/actions"]).ToList();
        Assert.Equal((long)summary["actions"]!, actions.Count);
        Assert.Equal("safe", (string)actions[^1].Data["kind"]!);
        Assert.Single(log.ReadMessages(["/multirate/summary"]));
        Directory.Delete(dir, recursive: true);
    }

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);
}
