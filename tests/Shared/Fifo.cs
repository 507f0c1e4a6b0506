using System.Diagnostics;

namespace MultiRate.Tests.Shared;

/// <summary>Named pipes for the tests of inputs and outputs that must refuse one rather than block on it.</summary>
internal static class Fifo
{
    /// <summary>Makes a FIFO at <paramref name="path"/> with mkfifo(1) and returns the path.</summary>
    public static string Make(string path)
    {
        using Process mk = Process.Start(new ProcessStartInfo("mkfifo", [path]) { UseShellExecute = false })!;
        mk.WaitForExit();
        return mk.ExitCode == 0 ? path : throw new InvalidOperationException($"mkfifo {path} exited with {mk.ExitCode}");
    }
}
