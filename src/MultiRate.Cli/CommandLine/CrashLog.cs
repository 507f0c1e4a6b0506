using System.Globalization;

namespace MultiRate.Cli.CommandLine;

/// <summary>
/// Where an unexpected exception's full trace goes, so the terminal gets one line and the trace is not lost:
/// <c>$XDG_STATE_HOME/multirate/</c> (default <c>~/.local/state/multirate/</c>), else the temp directory.
/// </summary>
internal static class CrashLog
{
    /// <summary>The directory used when none is given: the XDG state directory, as tools keep their logs there.</summary>
    public static string DefaultDirectory()
    {
        string? state = Environment.GetEnvironmentVariable("XDG_STATE_HOME");
        if (string.IsNullOrWhiteSpace(state) || !Path.IsPathRooted(state))
        {
            string home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
            state = string.IsNullOrEmpty(home) ? Path.GetTempPath() : Path.Combine(home, ".local", "state");
        }

        return Path.Combine(state, "multirate");
    }

    /// <summary>Writes the trace of <paramref name="error"/> to a new timestamped file; returns its path, or null when nothing could be written.</summary>
    public static string? Write(Exception error, IReadOnlyList<string> args, string directory)
    {
        string name = string.Create(CultureInfo.InvariantCulture, $"crash-{DateTimeOffset.UtcNow:yyyyMMdd'T'HHmmss'.'fff'Z'}-{Environment.ProcessId}.log");
        string text = string.Join(
            Environment.NewLine,
            $"multirate {VersionAction.Text}",
            $"time: {DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture)}",
            $"command line: {string.Join(' ', args)}",
            $"runtime: {System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription} on {System.Runtime.InteropServices.RuntimeInformation.OSDescription}",
            string.Empty,
            error.ToString(),
            string.Empty);
        foreach (string dir in new[] { directory, Path.Combine(Path.GetTempPath(), "multirate") })
        {
            try
            {
                Directory.CreateDirectory(dir);
                string path = Path.Combine(dir, name);
                File.WriteAllText(path, text);
                return path;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
            {
                // Try the next place: a read-only home must not hide the trace.
            }
        }

        return null;
    }
}
