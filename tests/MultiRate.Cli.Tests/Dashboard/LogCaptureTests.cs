using MultiRate.Cli.Dashboard;

namespace MultiRate.Cli.Tests.Dashboard;

// Swaps Console.Error: in the collection that never runs beside another test.
[Collection("cli")]
public class LogCaptureTests
{
    [Fact]
    public void Write_LinesInPiecesWithColourCodes_WholeLinesWithoutTheCodes()
    {
        using var capture = new LogCapture();

        capture.Write("[12:00:00 \u001b[33mWRN\u001b[0m] Fault burst ");
        capture.Write("started: misses at head\r\n");
        capture.WriteLine("second");
        capture.Write("unfinished");

        Assert.Equal(["[12:00:00 WRN] Fault burst started: misses at head", "second"], capture.Last(6));
        Assert.Equal(["[12:00:00 WRN] Fault burst started: misses at head", "second", "unfinished"], capture.Held());
        Assert.Equal(2, capture.Total);
    }

    [Fact]
    public void Write_MoreLinesThanHeld_OldestDroppedAndCounted()
    {
        using var capture = new LogCapture();

        for (int i = 0; i < LogCapture.HeldLines + 5; i++)
        {
            capture.WriteLine($"line {i}");
        }

        Assert.Equal(5, capture.Dropped);
        Assert.Equal("line 5", capture.Held()[0]);
        Assert.Equal([$"line {LogCapture.HeldLines + 3}", $"line {LogCapture.HeldLines + 4}"], capture.Last(2));
    }

    [Fact]
    public void CaptureStandardError_WhileUp_StderrHeldThenPrintedOnTheOriginalAfter()
    {
        TextWriter original = Console.Error;
        var after = new StringWriter();
        Console.SetError(after);
        try
        {
            using (LogCapture.Redirect redirect = LogCapture.CaptureStandardError())
            {
                Console.Error.WriteLine("[12:00:00 WRN] held");
                Assert.Equal(string.Empty, after.ToString());
                Assert.Equal(["[12:00:00 WRN] held"], redirect.Capture.Last(6));
            }

            Console.Error.WriteLine("[12:00:01 WRN] direct");
            Assert.Equal("[12:00:00 WRN] held" + Environment.NewLine + "[12:00:01 WRN] direct" + Environment.NewLine, after.ToString());
        }
        finally
        {
            Console.SetError(original);
        }
    }
}
