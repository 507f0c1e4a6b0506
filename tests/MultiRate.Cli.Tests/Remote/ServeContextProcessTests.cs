using System.Diagnostics;
using MultiRate.Remote.Tests.Runs;
using MultiRate.Scheduling.Executor;
using MultiRate.Scheduling.Ledger;
using MultiRate.Scheduling.Stats;
using Xunit;

namespace MultiRate.Cli.Tests.Remote;

/// <summary>
/// <c>multirate serve-context</c> as a real server process: a run computes its context there over
/// loopback, through the server being killed and started again mid-run, and a stop signal ends it.
/// </summary>
public sealed class ServeContextProcessTests
{
    [Fact]
    public async Task Run_ServerProcessKilledAndRestarted_HeadKeepsRateAndFaultsAreCounted()
    {
        using ServerProcess first = ServerProcess.Start(0);
        Uri url = first.Url;
        ServerProcess? second = null;
        long publishedBeforeRestart = 0;
        using var done = new CancellationTokenSource();
        Task? chaos = null;
        try
        {
            RunSummary summary = RemoteRuns.Run(
                RemoteRuns.RemoteConfig(url),
                ExecutionMode.RealTime,
                120,
                started: executor => chaos = Task.Run(async () =>
                {
                    RunLedger ledger = executor.Ledger;
                    await Until(() => ledger.Count(LedgerEntry.LatentPublished, "context") >= 2, done.Token);
                    first.Kill();
                    await Until(() => ledger.Count(LedgerEntry.ContextFault, "context") >= 2, done.Token);
                    publishedBeforeRestart = ledger.Count(LedgerEntry.LatentPublished, "context");
                    second = ServerProcess.Start(url.Port);
                    await Until(() => ledger.Count(LedgerEntry.LatentPublished, "context") >= publishedBeforeRestart + 2, done.Token);
                    await done.CancelAsync();
                }),
                cancellation: done.Token);

            await chaos!;
            RemoteRuns.AssertEveryPeriodAccounted(summary);
            Assert.True(RemoteRuns.Context(summary, LedgerEntry.ContextFault) >= 2, RemoteRuns.Describe(summary));
            Assert.True(RemoteRuns.Context(summary, LedgerEntry.LatentPublished) >= publishedBeforeRestart + 2, RemoteRuns.Describe(summary));
        }
        finally
        {
            second?.Dispose();
        }
    }

    [Fact]
    public void ServeContext_Sigterm_StopsAndExitsZero()
    {
        using ServerProcess server = ServerProcess.Start(0);

        (int exit, string stderr) = server.Terminate();

        Assert.Equal(0, exit);
        Assert.Contains("serve-context: stopped", stderr, StringComparison.Ordinal);
    }

    /// <summary>Waits for a count (orchestration only: nothing asserts how long it took).</summary>
    private static async Task Until(Func<bool> condition, CancellationToken cancellation)
    {
        while (!condition())
        {
            await Task.Delay(20, cancellation);
        }
    }

    /// <summary>The built CLI's <c>serve-context</c> as a child process, ready once it printed its address.</summary>
    private sealed class ServerProcess : IDisposable
    {
        private readonly Process _process;
        private readonly Task<string> _stderr;

        private ServerProcess(Process process, Uri url)
        {
            _process = process;
            Url = url;
            _stderr = process.StandardError.ReadToEndAsync();
        }

        public Uri Url { get; }

        public static ServerProcess Start(int port)
        {
            var start = new ProcessStartInfo("dotnet") { WorkingDirectory = RepoRoot.Path, RedirectStandardOutput = true, RedirectStandardError = true };
            start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "multirate.dll"));
            foreach (string arg in new[] { "serve-context", "--config", "configs/default.yaml", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture) })
            {
                start.ArgumentList.Add(arg);
            }

            Process process = Process.Start(start)!;
            string? line = process.StandardOutput.ReadLine();
            if (line is null || !line.StartsWith("listening on ", StringComparison.Ordinal))
            {
                process.Kill(entireProcessTree: true);
                string err = process.StandardError.ReadToEnd();
                process.Dispose();
                throw new InvalidOperationException($"serve-context did not start: {line} {err}");
            }

            return new ServerProcess(process, new Uri(line["listening on ".Length..]));
        }

        public void Kill()
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        public (int Exit, string Stderr) Terminate()
        {
            using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            {
                kill.WaitForExit();
            }

            if (!_process.WaitForExit(TimeSpan.FromSeconds(30)))
            {
                _process.Kill(entireProcessTree: true);
                Assert.Fail("serve-context did not stop on SIGTERM");
            }

            return (_process.ExitCode, _stderr.Result);
        }

        public void Dispose()
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit();
            }

            _process.Dispose();
        }
    }
}
