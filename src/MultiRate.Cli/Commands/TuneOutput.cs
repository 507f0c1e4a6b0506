using System.Globalization;
using MultiRate.Hosting.Tuning;

namespace MultiRate.Cli.Commands;

/// <summary>Prints <c>tune</c>'s proposed changes and notes.</summary>
internal static class TuneOutput
{
    public static void Changes(TuneResult result, TextWriter stdout)
    {
        stdout.WriteLine(result.Changes.Count == 0 ? $"proposed changes to {result.OriginalPath}: none" : $"proposed changes to {result.OriginalPath}:");
        foreach (TuneChange c in result.Changes)
        {
            stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  line {c.Line}: {c.Path}: {c.OldValue} -> {c.NewValue}   ({c.Reason})"));
        }

        foreach (string note in result.Notes)
        {
            stdout.WriteLine("note: " + note);
        }
    }
}
