using System.Diagnostics;
using System.Runtime.InteropServices;

namespace MultiRate.Cli.Tests.Commands;

/// <summary>
/// Runs the built CLI as a child process with <c>--record FILE</c>, sends it a signal once the
/// recorder has flushed its first chunk (the clocks are running), and returns how it ended.
/// </summary>
internal static partial class SignalledRecording
{
    /// <summary>Starts <c>multirate ARGS --record recording</c>, signals it once running and waits (bounded) for it to end.</summary>
    /// <returns>The exit code and everything it printed.</returns>
    public static async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(string recording, int signal, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = CliRunner.RepoRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (string arg in (string[])[Path.Combine(AppContext.BaseDirectory, "multirate.dll"), .. args, "--record", recording])
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

            Assert.False(process.HasExited, $"'{args[0]}' ended before the signal was sent");
            Assert.Equal(0, Kill(process.Id, signal));
            Assert.True(process.WaitForExit(60_000), $"'{args[0]}' did not stop within 60 s of signal {signal}");
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }

        return (process.ExitCode, await stdout, await stderr);
    }

    /// <summary>Sends a POSIX signal.</summary>
    public static int Kill(int pid, int signal) => KillNative(pid, signal);

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int KillNative(int pid, int signal);
}
