using MultiRate.Logs.Abstractions;
using MultiRate.Logs.Csv;
using Xunit;

namespace MultiRate.Logs.Tests.Csv;

/// <summary>Rows a little out of time order are put back in order within a bounded window; beyond it, an error naming both lines.</summary>
public sealed class CsvReorderTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "multirate-csv-reorder", Guid.NewGuid().ToString("N"));

    public CsvReorderTests() => Directory.CreateDirectory(_dir);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void ReadMessages_RowsSlightlyLate_ComeOutInTimeOrder()
    {
        string path = Write("late.csv", "time,row\n0,1\n2,2\n3,3\n1,4\n4,5\n");
        using CsvSensorLog log = CsvSensorLog.Open(path);

        Assert.Equal([0L, 1_000_000_000, 2_000_000_000, 3_000_000_000, 4_000_000_000], log.ReadMessages().Select(m => m.LogTimeNs));
        Assert.Equal([1L, 4, 2, 3, 5], log.ReadMessages().Select(m => m.Data["row"]!.GetValue<long>()));
        Assert.Equal(1, log.ReorderedRows);
        Assert.Equal(new LogTopicInfo("late", 5, 0, 4_000_000_000, "csv", ""), log.Topics.Single());
    }

    [Fact]
    public void ReadMessages_EqualTimes_KeepFileOrder()
    {
        string path = Write("eq.csv", "time,row\n1,1\n1,2\n0,3\n1,4\n");
        using CsvSensorLog log = CsvSensorLog.Open(path);

        Assert.Equal([3L, 1, 2, 4], log.ReadMessages().Select(m => m.Data["row"]!.GetValue<long>()));
    }

    [Fact]
    public void ReadMessages_RowLateByExactlyTheWindow_IsStillReordered()
    {
        // The late row comes after Rows rows newer than it: all of them are still pending, so it fits.
        int w = CsvReorderWindow<bool>.Rows;
        string rows = string.Concat(Enumerable.Range(1, w).Select(i => $"{i},{i}\n"));
        string path = Write("edge.csv", $"time,row\n{rows}0,0\n");
        using CsvSensorLog log = CsvSensorLog.Open(path);

        Assert.Equal(Enumerable.Range(0, w + 1).Select(i => (long)i * 1_000_000_000), log.ReadMessages().Select(m => m.LogTimeNs));
    }

    [Fact]
    public void Topics_RowLaterThanTheWindow_NamesBothLinesAndTheWindow()
    {
        int w = CsvReorderWindow<bool>.Rows;
        string rows = string.Concat(Enumerable.Range(1, w + 1).Select(i => $"{i},{i}\n"));
        string path = Write("far.csv", $"time,row\n{rows}0,0\n");
        using CsvSensorLog log = CsvSensorLog.Open(path);

        LogFormatException e = Assert.Throws<LogFormatException>(() => log.Topics);
        Assert.Equal($"line {w + 3} column 'time'", e.Record);
        Assert.Contains("on line 2", e.Expected, StringComparison.Ordinal);
        Assert.Contains($"at most {w} rows", e.Expected, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadMessages_TimeWindow_StopsAfterTheEndWithoutReadingThrough()
    {
        string path = Write("win.csv", "time,row\n0,0\n2,2\n1,1\n3,3\n");
        using CsvSensorLog log = CsvSensorLog.Open(path);

        Assert.Equal([1L, 2], log.ReadMessages(startNs: 1_000_000_000, endNs: 2_000_000_000).Select(m => m.Data["row"]!.GetValue<long>()));
    }

    private string Write(string name, string content)
    {
        string path = Path.Combine(_dir, name);
        File.WriteAllText(path, content);
        return path;
    }
}
