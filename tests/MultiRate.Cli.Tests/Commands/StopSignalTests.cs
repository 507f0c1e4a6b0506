using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text.Json.Nodes;
using MultiRate.Cli.Infrastructure;
using MultiRate.Logs;
using MultiRate.Logs.Abstractions;

namespace MultiRate.Cli.Tests.Commands;

/// <summary>SIGINT, SIGTERM, SIGQUIT and SIGHUP stop a real-time run the way a robot's supervisor expects: exact safe action, complete recording, summary, exit 0.</summary>
[Collection("cli")]
public class StopSignalTests
{
    [Fact]
    public void StopSignals_HandlesTheFourStopSignals()
    {
        Assert.Equal([PosixSignal.SIGINT, PosixSignal.SIGTERM, PosixSignal.SIGQUIT, PosixSignal.SIGHUP], StopSignals.Signals);
    }

    [Theory]
    [InlineData(2)] // SIGINT
    [InlineData(15)] // SIGTERM
    [InlineData(3)] // SIGQUIT
    [InlineData(1)] // SIGHUP
    public async Task Run_StopSignal_SafeActionCompleteRecordingSummaryExitZero(int signal)
    {
        string dir = Path.Combine(Path.GetTempPath(), "multirate-signal-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        string recording = Path.Combine(dir, "run.mcap");
        (int exitCode, string stdout, string stderr) = await SignalledRecording.RunAsync(recording, signal, "run", "--seconds", "120", "--json", "--no-watch");

        Assert.True(exitCode == 0, stderr);
        JsonObject summary = JsonNode.Parse(stdout)!.AsObject();
        Assert.True((bool)summary["stopped_early"]!, summary.ToJsonString());
        Assert.True((long)summary["actions_by_kind"]!["safe"]! >= 1);

        // The recording is complete (summary and footer written): a strict read succeeds and ends on the safe action.
        using ISensorLog log = SensorLogs.Open(recording);
        List<LogMessage> actions = log.ReadMessages(["/multirate/actions"]).ToList();
        Assert.Equal((long)summary["actions"]!, actions.Count);
        Assert.Equal("safe", (string)actions[^1].Data["kind"]!);

        // Exactly the profile's safe action (rates/default.yaml: [0, 0, 0]), reached within max_rate_per_s, bit for bit.
        IReadOnlyList<double> safe = MultiRate.Configuration.Rates.RateProfileLoader.Load(Path.Combine(CliRunner.RepoRoot, "rates", "default.yaml")).Action.Safe;
        float[] last = [.. actions[^1].Data["values"]!.AsArray().Select(v => (float)v!)];
        Assert.Equal(safe.Select(v => BitConverter.SingleToInt32Bits((float)v)), last.Select(BitConverter.SingleToInt32Bits));
        Assert.Equal("signal", (string)summary["stop_reason"]!);
        Assert.Single(log.ReadMessages(["/multirate/summary"]));
        Directory.Delete(dir, recursive: true);
    }

    [Theory]
    [InlineData(2)] // SIGINT
    [InlineData(15)] // SIGTERM
    [InlineData(1)] // SIGHUP
    public async Task Bench_StopSignal_EndsTheProcessInsteadOfBeingIgnored(int signal)
    {
        // bench scheduler never takes the stop token, so a signal must end it (it used to be swallowed).
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = CliRunner.RepoRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (string arg in new[] { Path.Combine(AppContext.BaseDirectory, "multirate.dll"), "bench", "scheduler", "--seconds", "300" })
        {
            start.ArgumentList.Add(arg);
        }

        using Process process = Process.Start(start)!;
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        try
        {
            // The first line says the measurement has begun.
            string? first = await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(90));
            Assert.NotNull(first);
            Assert.Equal(0, SignalledRecording.Kill(process.Id, signal));
            Assert.True(process.WaitForExit(30_000), $"bench scheduler ignored signal {signal}");
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }

        Assert.NotEqual(0, process.ExitCode);
        Assert.DoesNotContain("internal error", await stderr, StringComparison.Ordinal);
    }
}
