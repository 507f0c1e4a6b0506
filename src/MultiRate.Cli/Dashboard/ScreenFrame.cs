using System.Text;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace MultiRate.Cli.Dashboard;

/// <summary>
/// One frame of the full-screen dashboard as the text to write: cursor home, each row followed by
/// erase-to-end-of-line, then erase-below. Pure: the terminal's size and colours are parameters.
/// </summary>
/// <remarks>
/// Why whole-screen frames on the alternate screen instead of redrawing in place below the shell's
/// output: an in-place redraw moves the cursor up by the previous frame's height, which is wrong once
/// the terminal reflows that frame (a resize), and leaves stale headers and borders behind; on the
/// alternate screen every frame starts at the top-left corner and clears what it did not draw, and
/// leaving it restores the shell's screen as it was.
/// </remarks>
internal static class ScreenFrame
{
    /// <summary>Erase from the cursor to the end of the line.</summary>
    public const string EraseLine = "\u001b[K";

    /// <summary>Erase from the cursor to the end of the screen.</summary>
    public const string EraseBelow = "\u001b[J";

    /// <summary>Erase the whole screen (after a resize: the terminal may have reflowed the last frame).</summary>
    public const string EraseScreen = "\u001b[2J";

    /// <summary>Cursor to the top-left corner.</summary>
    public const string Home = "\u001b[H";

    /// <summary>Renders <paramref name="frame"/> at <paramref name="width"/> and keeps at most <paramref name="height"/> rows (the last says how many more there were).</summary>
    public static string Compose(IRenderable frame, int width, int height, ColorSystem colours, bool eraseFirst)
    {
        ArgumentNullException.ThrowIfNull(frame);
        var text = new StringWriter();
        IAnsiConsole target = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(text),
            Ansi = AnsiSupport.Yes,
            ColorSystem = (ColorSystemSupport)colours,
            Interactive = InteractionSupport.No,
        });
        target.Profile.Width = Math.Max(20, width);
        target.Write(frame);
        List<string> rows = [.. text.ToString().Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd('\n').Split('\n')];
        int room = Math.Max(1, height - 1);
        if (rows.Count > room)
        {
            // The bottom row stays free: writing on it would scroll the screen and push the header off.
            int more = rows.Count - room + 1;
            rows.RemoveRange(room - 1, rows.Count - room + 1);
            rows.Add($"… {more} more rows: enlarge the terminal to see them");
        }

        var sb = new StringBuilder();
        sb.Append(eraseFirst ? EraseScreen : string.Empty).Append(Home);
        for (int i = 0; i < rows.Count; i++)
        {
            sb.Append(rows[i]).Append(EraseLine);
            if (i < rows.Count - 1)
            {
                sb.Append("\r\n");
            }
        }

        return sb.Append(EraseBelow).ToString();
    }
}
