using System.Diagnostics;

namespace MultiRate.Cli.Tests.Dashboard;

/// <summary>A detached tmux session running one command in a terminal of a given size, read back with <c>capture-pane</c>.</summary>
internal sealed class Tmux : IDisposable
{
    private readonly string _name = "multirate-test-" + Guid.NewGuid().ToString("N")[..8];

    private Tmux()
    {
    }

    /// <summary>Whether a <c>tmux</c> executable is on the PATH.</summary>
    public static bool Installed =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Any(dir => File.Exists(Path.Combine(dir, "tmux")));

    /// <summary>Starts <paramref name="command"/> (a shell command line) in a new <paramref name="width"/> x <paramref name="height"/> terminal in <paramref name="workingDirectory"/>.</summary>
    public static Tmux Start(string command, string workingDirectory, int width, int height)
    {
        var tmux = new Tmux();
        Run("new-session", "-d", "-s", tmux._name, "-x", $"{width}", "-y", $"{height}", "-c", workingDirectory, command);
        return tmux;
    }

    /// <summary>The visible screen, one string per row, trailing spaces removed.</summary>
    public string[] Capture() => [.. Run("capture-pane", "-p", "-t", _name).Split('\n').Select(l => l.TrimEnd())];

    /// <summary>Resizes the terminal.</summary>
    public void Resize(int width, int height) => Run("resize-window", "-t", _name, "-x", $"{width}", "-y", $"{height}");

    /// <summary>Captures every 200 ms until <paramref name="done"/> holds, or fails after <paramref name="limit"/>.</summary>
    public string[] WaitFor(Func<string[], bool> done, TimeSpan limit, string what)
    {
        var watch = Stopwatch.StartNew();
        string[] screen = Capture();
        while (!done(screen))
        {
            Assert.True(watch.Elapsed < limit, $"gave up waiting for {what}; the screen:\n{string.Join('\n', screen)}");
            Thread.Sleep(200);
            screen = Capture();
        }

        return screen;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        try
        {
            Run("kill-session", "-t", _name);
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }

    private static string Run(params string[] args)
    {
        var start = new ProcessStartInfo("tmux") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (string a in args)
        {
            start.ArgumentList.Add(a);
        }

        using Process p = Process.Start(start)!;
        string output = p.StandardOutput.ReadToEnd();
        string error = p.StandardError.ReadToEnd();
        p.WaitForExit();
        return p.ExitCode == 0 ? output : throw new InvalidOperationException($"tmux {string.Join(' ', args)}: {error}");
    }
}
