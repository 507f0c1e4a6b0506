using CsCheck;
using MultiRate.Cli.Dashboard;

namespace MultiRate.Cli.Tests.Dashboard;

public class LogLinesTests
{
    private const string Warning = "[19:33:58 WRN] Fault burst started: head_faults at head, first at 1250 ms";

    [Fact]
    public void Fit_LineShorterThanTheRow_TheWholeLineOnOneRow()
    {
        Assert.Equal([Warning], LogLines.Fit(Warning, 156, 3));
    }

    [Fact]
    public void Fit_LongerThanARow_WrappedAtSpacesWithNothingLost()
    {
        IReadOnlyList<string> rows = LogLines.Fit(Warning, 30, 5);

        Assert.Equal(["[19:33:58 WRN] Fault burst", "started: head_faults at head,", "first at 1250 ms"], rows);
        Assert.All(rows, r => Assert.True(r.Length <= 30, r));
    }

    [Fact]
    public void Fit_MoreRowsThanAllowed_LastRowEndsInAnEllipsisAfterAWholeWord()
    {
        IReadOnlyList<string> rows = LogLines.Fit(Warning, 30, 2);

        Assert.Equal(["[19:33:58 WRN] Fault burst", "started: head_faults at head,…"], rows);
    }

    [Fact]
    public void Fit_AnyLine_RowsWithinTheWidthAndTheTextKeptOrMarked()
    {
        Gen.Select(Gen.String[Gen.Char["ab _"], 0, 200], Gen.Int[2, 60], Gen.Int[1, 5]).Sample((line, width, maxRows) =>
        {
            IReadOnlyList<string> rows = LogLines.Fit(line, width, maxRows);
            Assert.InRange(rows.Count, 1, maxRows);
            Assert.All(rows, r => Assert.True(r.Length <= width, $"'{r}' over {width}"));
            string joined = string.Concat(rows).Replace(" ", string.Empty, StringComparison.Ordinal);
            string text = line.Replace(" ", string.Empty, StringComparison.Ordinal);
            if (rows[^1].EndsWith(LogLines.Ellipsis, StringComparison.Ordinal))
            {
                // Cut: what is shown is the start of the text, and the cut is marked.
                Assert.StartsWith(joined[..^LogLines.Ellipsis.Length], text, StringComparison.Ordinal);
            }
            else
            {
                Assert.Equal(text, joined);
            }
        });
    }
}
