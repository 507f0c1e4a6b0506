using MultiRate.Cli.Dashboard;
using Spectre.Console;

namespace MultiRate.Cli.Tests.Dashboard;

public class DashboardRendererTests
{
    [Fact]
    public void Render_Snapshot_TableRowsProgressAndLatentAge()
    {
        var output = new StringWriter();
        IAnsiConsole console = Consoles.Plain(output);

        console.Write(DashboardRenderer.Render(Snapshots.Sample(reload: "reloaded: clocks.head.budget_us 500 -> 400")));

        string text = output.ToString();
        string head = Assert.Single(text.Split('\n'), l => l.Contains(" head ", StringComparison.Ordinal));
        Assert.Matches(@"head\s+│\s+1000\s+│\s+998\.5\s+│\s+45\.0\s+│\s+120\.0\s+│\s+700\.0\s+│\s+500\.0\s+│\s+0\s+│\s+2\s+│\s+1\s+│\s+-", head);
        Assert.Matches(@"context\s+│\s+10\s+│.*│\s+3\.0/4\.0", text);
        Assert.Contains("latent age ms: p50 150.5  max 199.0", text, StringComparison.Ordinal);
        Assert.Contains("replay " + new string('█', 18) + new string('░', 22) + " 45%  4500/10000 base ticks", text, StringComparison.Ordinal);
        Assert.Contains("reloaded: clocks.head.budget_us 500 -> 400", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_P99OverBudgetAndMisses_ThoseCellsInRed()
    {
        string red = RedPrefix();

        string over = Draw(Snapshots.Sample(headP99Us: 650, headMisses: 3));
        string within = Draw(Snapshots.Sample(headP99Us: 120, headMisses: 0));

        Assert.Contains(red + "650.0", over, StringComparison.Ordinal);
        Assert.Contains(red + "3", over, StringComparison.Ordinal);
        Assert.DoesNotContain(red + "120.0", within, StringComparison.Ordinal);
    }

    [Fact]
    public void PlainLine_Snapshot_OneLineWithEveryClock()
    {
        string line = DashboardRenderer.PlainLine(Snapshots.Sample(headMisses: 3, reload: "reload rejected (1 error, old values kept): x", reloadFailed: true));

        Assert.Equal(
            "replay 2.5 s 45% | context 9.9/10 Hz p50/p99/max 1500.0/2100.0/2500.0 us (budget 60000.0) misses 0 skipped 0 faults 0 steps 3.0/4.0"
            + " | head 998.5/1000 Hz p50/p99/max 45.0/120.0/700.0 us (budget 500.0) misses 3 skipped 2 faults 1"
            + " | latent age ms p50 150.5 max 199.0 | reload rejected (1 error, old values kept): x",
            line);
    }

    [Fact]
    public void PlainLine_WithActions_FallbacksAndTheirReasonsApartFromMisses()
    {
        var tally = new ActionTally(90, 3, 5, 2, 4, [KeyValuePair.Create("deadline_fallbacks", 6L), KeyValuePair.Create("non_finite_actions", 1L)], 2);

        string line = DashboardRenderer.PlainLine(Snapshots.Sample(headMisses: 2) with { Actions = tally });

        Assert.Contains("misses 2 skipped 2", line, StringComparison.Ordinal);
        Assert.EndsWith(" | actions: model 90, degraded 3, hold 5, safe 2; fallbacks 7 (deadline_fallbacks 6, non_finite_actions 1); stale ticks 4; periods without an action 2", line, StringComparison.Ordinal);
    }

    [Fact]
    public void WarmingUp_PlainLineAndProgressSayIt_InsteadOfZeroPercent()
    {
        DashboardSnapshot warming = Snapshots.Sample() with { BaseTicksDone = 0, WarmingUp = true };

        string line = DashboardRenderer.PlainLine(warming);
        string frame = Draw(warming);

        Assert.StartsWith("replay 2.5 s warming up before tick 0", line, StringComparison.Ordinal);
        Assert.DoesNotContain("0%", line, StringComparison.Ordinal);
        Assert.Contains("warming up before tick 0", frame, StringComparison.Ordinal);
    }

    private static string Draw(DashboardSnapshot s)
    {
        var output = new StringWriter();
        Consoles.Colour(output).Write(DashboardRenderer.Render(s));
        return output.ToString();
    }

    /// <summary>The escape sequence this console uses to start red text.</summary>
    private static string RedPrefix()
    {
        var output = new StringWriter();
        Consoles.Colour(output).Markup("[red]X[/]");
        string s = output.ToString();
        return s[..s.IndexOf('X', StringComparison.Ordinal)];
    }
}
