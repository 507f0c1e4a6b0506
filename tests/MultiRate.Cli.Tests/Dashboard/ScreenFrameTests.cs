using MultiRate.Cli.Dashboard;
using Spectre.Console;

namespace MultiRate.Cli.Tests.Dashboard;

public class ScreenFrameTests
{
    [Fact]
    public void Compose_Frame_HomeThenRowsEachErasedToTheLineEndThenEraseBelow()
    {
        string text = ScreenFrame.Compose(new Rows(new Text("one"), new Text("two")), 80, 45, ColorSystem.NoColors, eraseFirst: false);

        Assert.Equal("\u001b[Hone\u001b[K\r\ntwo\u001b[K\u001b[J", text);
    }

    [Fact]
    public void Compose_AfterAResize_ErasesTheWholeScreenFirst()
    {
        string text = ScreenFrame.Compose(new Text("one"), 80, 45, ColorSystem.NoColors, eraseFirst: true);

        Assert.StartsWith("\u001b[2J\u001b[H", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_TallerThanTheScreen_KeepsTheTopAndSaysHowManyRowsAreHidden()
    {
        var rows = new Rows(Enumerable.Range(0, 50).Select(i => new Text($"row {i}")));

        string text = ScreenFrame.Compose(rows, 80, 20, ColorSystem.NoColors, eraseFirst: false);

        string[] lines = text.Split("\r\n");
        Assert.Equal(19, lines.Length);
        Assert.StartsWith("\u001b[Hrow 0", lines[0], StringComparison.Ordinal);
        Assert.Equal("row 17\u001b[K", lines[17]);
        Assert.Equal("… 32 more rows: enlarge the terminal to see them\u001b[K\u001b[J", lines[18]);
    }

    [Fact]
    public void Compose_DashboardWithALongWarning_TheWarningWholeInsideThePanelAtTheWidth()
    {
        string warning = "[19:33:58 WRN] Fault burst started: head_faults at head, first at 1250 ms; " + string.Join(' ', Enumerable.Repeat("detail", 20));
        DashboardSnapshot s = Snapshots.Sample() with { Log = [warning], LogTotal = 1 };

        string text = ScreenFrame.Compose(DashboardRenderer.Render(s, 100), 100, 45, ColorSystem.NoColors, eraseFirst: false);

        string[] rows = [.. text.Split("\r\n").Select(r => System.Text.RegularExpressions.Regex.Replace(r, @"\x1B\[[0-9;?]*[A-Za-z]", string.Empty))];
        Assert.All(rows, r => Assert.True(r.Length <= 100, r));
        string[] panel = [.. rows.SkipWhile(r => !r.Contains("log (", StringComparison.Ordinal)).Skip(1).TakeWhile(r => r.StartsWith('│'))];
        string inside = string.Join(' ', panel.Select(r => r.Trim('│', ' ')));
        Assert.Equal(warning, inside);
    }
}
