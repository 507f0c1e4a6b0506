using System.Diagnostics;
using System.Text.Json;

namespace MultiRate.Live.Tests;

/// <summary>Runs tools/foxglove-client/client.js (the protocol maker's client library, vendored) with node.</summary>
internal sealed class NodeClient : IDisposable
{
    private readonly Process _process;
    private readonly Task<string> _stdout;
    private readonly Task<string> _stderr;

    public NodeClient(Uri address, params string[] args)
    {
        string script = Path.Combine(RepoRoot.Path, "tools", "foxglove-client", "client.js");
        var start = new ProcessStartInfo(File.Exists("/usr/bin/node") ? "/usr/bin/node" : "node")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(script);
        start.ArgumentList.Add(address.ToString());
        foreach (string a in args)
        {
            start.ArgumentList.Add(a);
        }

        _process = Process.Start(start) ?? throw new InvalidOperationException("node did not start (node 18 or later must be on PATH)");
        _stdout = _process.StandardOutput.ReadToEndAsync();
        _stderr = _process.StandardError.ReadToEndAsync();
    }

    /// <summary>Writes a line to the client's stdin (the stalled client's signal to read again).</summary>
    public void Signal() => _process.StandardInput.WriteLine("go");

    /// <summary>Waits for the client to exit (bounded) and returns the JSON it printed.</summary>
    public async Task<JsonElement> ResultAsync()
    {
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await _process.WaitForExitAsync(patience.Token);
        string stdout = await _stdout;
        string stderr = await _stderr;
        Assert.True(stdout.Length > 0, $"the node client printed nothing (exit {_process.ExitCode}): {stderr}");
        return JsonDocument.Parse(stdout).RootElement.Clone();
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
        }

        _process.Dispose();
    }
}
