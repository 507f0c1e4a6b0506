using System.Globalization;
using System.Text.RegularExpressions;

namespace MultiRate.Cli.Tests.Dashboard;

/// <summary>
/// The live dashboard in a real terminal: <c>multirate run</c> inside tmux (160 x 45), with a head budget
/// no head meets, so every tick misses and the fault log writes a warning while the display is up.
/// </summary>
[Collection("cli")]
public partial class TerminalDashboardTests
{
    private const string Warning = @"\[\d\d:\d\d:\d\d WRN\] Fault burst started: misses at head, first at [\d.]+ ms";

    [TmuxFact]
    public void Run_WarningDuringTheLiveDisplay_InsideTheLogPanelTableIntactRatesSteadyNothingLeftAfter()
    {
        string dir = Directory.CreateTempSubdirectory("multirate-tmux-").FullName;
        try
        {
            string rates = Path.Combine(dir, "tight.yaml");
            File.WriteAllText(rates, Regex.Replace(File.ReadAllText(Path.Combine(CliRunner.RepoRoot, "rates/default.yaml")), @"budget_us: 500,", "budget_us: 5,"));
            string command = string.Join(
                ' ',
                "dotnet",
                Quote(Path.Combine(AppContext.BaseDirectory, "multirate.dll")),
                "run --seconds 12 --no-watch",
                "--rates", Quote(rates),
                "--config", Quote(Path.Combine(CliRunner.RepoRoot, "configs/default.yaml")),
                "--log-config", Quote(Path.Combine(CliRunner.RepoRoot, "configs/logging.json")),
                "; echo multirate-exit=$?; sleep 120");
            using var terminal = Tmux.Start(command, dir, 160, 45);
            TimeSpan patience = TimeSpan.FromSeconds(90);

            // The warning comes once the head has run; then three looks at the screen, a second apart.
            string[] first = terminal.WaitFor(s => s.Any(l => Regex.IsMatch(l, Warning)) && Progress(s) is >= 0 and < 70, patience, "the warning in the log panel");
            var screens = new List<string[]> { first };
            for (int i = 0; i < 2; i++)
            {
                Thread.Sleep(1000);
                screens.Add(terminal.Capture());
            }

            foreach (string[] screen in screens.Where(s => Progress(s) is >= 0 and < 100))
            {
                CheckFrame(screen, 160);
            }

            // Rates: a clock that has skipped no period shows exactly its rate in every frame; none ever shows more.
            foreach (string clock in new[] { "planner", "context", "head" })
            {
                foreach (string[] screen in screens.Where(s => Progress(s) is >= 0 and < 100))
                {
                    string[] row = Cells(screen, clock);
                    double rate = double.Parse(row[1], CultureInfo.InvariantCulture);
                    double achieved = double.Parse(row[2], CultureInfo.InvariantCulture);
                    Assert.True(achieved <= rate, $"{clock} achieved {achieved} over its rate {rate}");
                    if (row[8] == "0")
                    {
                        Assert.Equal(rate, achieved);
                    }
                }
            }

            // A narrower terminal: the next frames are drawn whole at the new width, nothing stale above or beside them.
            terminal.Resize(130, 40);
            string[] resized = terminal.WaitFor(s => s.Length <= 41 && Progress(s) >= 0 && s.All(l => l.Length <= 130), patience, "a frame at 130 columns");
            Thread.Sleep(600);
            resized = terminal.Capture();
            if (Progress(resized) is >= 0 and < 100)
            {
                CheckFrame(resized, 130);
            }

            // After the run: the display is gone (the alternate screen closed), the warning printed once, then the summary.
            string[] after = terminal.WaitFor(s => s.Any(l => l.StartsWith("multirate-exit=", StringComparison.Ordinal)), patience, "the end of the run");
            Assert.Contains("multirate-exit=0", after);
            Assert.DoesNotContain(after, l => l.Contains("achieved Hz", StringComparison.Ordinal) || l.Contains("─log", StringComparison.Ordinal) || l.Contains("base ticks", StringComparison.Ordinal));
            Assert.Single(after, l => Regex.IsMatch(l, "^" + Warning + "$"));
            Assert.Single(after, l => l.StartsWith("default (realtime):", StringComparison.Ordinal));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    /// <summary>One live frame: the header once, the table whole, the warning whole inside the log panel, counters that agree with it.</summary>
    private static void CheckFrame(string[] screen, int width)
    {
        string text = string.Join('\n', screen);
        Assert.All(screen, l => Assert.True(l.Length <= width, $"a row wider than the terminal:\n{text}"));
        Assert.Single(screen, l => l.Contains("default (run, ", StringComparison.Ordinal));
        Assert.Single(screen, l => l.StartsWith("│ clock ", StringComparison.Ordinal));
        Assert.Single(screen, l => l.StartsWith("┌─log", StringComparison.Ordinal));

        // The table: top border, header, rule, one row per clock, bottom border, in that order and nothing between.
        int top = Array.FindIndex(screen, l => l.StartsWith("┌───", StringComparison.Ordinal));
        Assert.True(top >= 0, text);
        string[] table = screen[top..(top + 7)];
        Assert.StartsWith("│ clock ", table[1], StringComparison.Ordinal);
        Assert.StartsWith("├", table[2], StringComparison.Ordinal);
        Assert.StartsWith("└", table[6], StringComparison.Ordinal);
        int bars = table[1].Count(c => c == '│');
        foreach ((string row, string clock) in table[3..6].Zip(new[] { "planner", "context", "head" }))
        {
            Assert.Matches(@"^│ " + clock + @"\s+│( [\d./-]+\s+│)+$", row);
            Assert.Equal(bars, row.Count(c => c == '│'));
        }

        // The warning: whole, on a row of the log panel (between its borders), and nowhere else. A loaded
        // machine can add fault bursts of other clocks; each of those is whole inside the panel too.
        int panel = Array.FindIndex(screen, l => l.StartsWith("┌─log", StringComparison.Ordinal));
        int warning = Array.FindIndex(screen, l => Regex.IsMatch(l, Warning));
        Assert.True(warning > panel, text);
        Assert.Matches("^│ " + Warning + @"\s+│$", screen[warning]);
        Assert.Single(screen, l => Regex.IsMatch(l, Warning));
        Assert.All(
            screen.Select((l, i) => (l, i)).Where(x => x.l.Contains("WRN", StringComparison.Ordinal)),
            x => Assert.True(x.i > panel && Regex.IsMatch(x.l, @"^│ \[\d\d:\d\d:\d\d WRN\] Fault burst started: .+\s+│$"), text));
        Assert.All(screen[(panel + 1)..warning], l => Assert.StartsWith("│", l, StringComparison.Ordinal));

        // The log says the head missed: so does the table, read from the same ledger.
        Assert.NotEqual("0", Cells(screen, "head")[7]);
    }

    private static string[] Cells(string[] screen, string clock) =>
        [.. screen.Single(l => l.StartsWith("│ " + clock + " ", StringComparison.Ordinal)).Split('│', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];

    /// <summary>The progress line's percentage, or -1 when the screen shows none (warming up, or not a live frame).</summary>
    private static int Progress(string[] screen)
    {
        Match m = screen.Select(l => ProgressLine().Match(l)).FirstOrDefault(m => m.Success) ?? Match.Empty;
        return m.Success ? int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) : -1;
    }

    private static string Quote(string path) => "'" + path.Replace("'", "'\\''", StringComparison.Ordinal) + "'";

    [GeneratedRegex(@"^run [█░]+ (\d+)%  \d+/\d+ base ticks")]
    private static partial Regex ProgressLine();
}
