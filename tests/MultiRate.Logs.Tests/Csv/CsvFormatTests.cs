using MultiRate.Logs.Abstractions;
using MultiRate.Logs.Csv;
using Xunit;

namespace MultiRate.Logs.Tests.Csv;

/// <summary>Column detection, units and every error case, on small files written per test.</summary>
public sealed class CsvFormatTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "multirate-csv-tests", Guid.NewGuid().ToString("N"));

    public CsvFormatTests() => Directory.CreateDirectory(_dir);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void ReadMessages_MillisecondTimestampColumn_ConvertsToNs()
    {
        string path = Write("imu.csv", "timestamp,ax\n1000,1.5\n1010,2.5\n");
        using CsvSensorLog log = CsvSensorLog.Open(path, new CsvLogOptions { TimeUnit = CsvTimeUnit.Milliseconds });

        Assert.Equal([1_000_000_000L, 1_010_000_000], log.ReadMessages().Select(m => m.LogTimeNs));
        Assert.Equal(["ax"], log.Fields);
    }

    [Theory]
    [InlineData(CsvTimeUnit.Seconds, 1_500_000_000L)]
    [InlineData(CsvTimeUnit.Milliseconds, 1_500_000L)]
    [InlineData(CsvTimeUnit.Microseconds, 1_500L)]
    [InlineData(CsvTimeUnit.Nanoseconds, 2L)]
    public void ReadMessages_TimeUnit_ScalesExactly(CsvTimeUnit unit, long expectedNs)
    {
        string path = Write("t.csv", "time,x\n1.5,0\n");
        using CsvSensorLog log = CsvSensorLog.Open(path, new CsvLogOptions { TimeUnit = unit });
        Assert.Equal(expectedNs, log.ReadMessages().Single().LogTimeNs);
    }

    [Fact]
    public void Open_NamedTimeColumnAndDelimiter_UsesThem()
    {
        string path = Write("ros.csv", "seq;header.stamp;v\n1;100;7\n2;200;8\n");
        using CsvSensorLog log = CsvSensorLog.Open(path, new CsvLogOptions { TimeColumn = "header.stamp", Delimiter = ';', TimeUnit = CsvTimeUnit.Nanoseconds, TopicName = "joint" });

        Assert.Equal("header.stamp", log.TimeColumn);
        Assert.Equal(["seq", "v"], log.Fields);
        Assert.Equal(new LogTopicInfo("joint", 2, 100, 200, "csv", ""), log.Topics.Single());
    }

    [Fact]
    public void ReadMessages_QuotesTextColumnsAndEmptyCells_HandledAsDocumented()
    {
        string path = Write("q.csv", "\uFEFFTime,\"Force, N\",label,y\n0,1,start,\n1,2,\"mid\",3\n");
        using CsvSensorLog log = CsvSensorLog.Open(path);
        List<LogMessage> messages = [.. log.ReadMessages()];

        Assert.Equal("Time", log.TimeColumn);
        Assert.Equal(["Force, N", "y"], log.Fields);
        Assert.Equal(["label"], log.IgnoredColumns);
        Assert.Equal(["Force, N"], messages[0].Data.Select(kv => kv.Key)); // empty y left out
        Assert.Equal(3L, messages[1].Data["y"]!.GetValue<long>());
    }

    [Fact]
    public void Topics_NotANumber_NamesFileLineColumnAndText()
    {
        string path = Write("bad.csv", "time,a,b\n0,1,2\n1,3,abc\n");
        using CsvSensorLog log = CsvSensorLog.Open(path);

        LogFormatException e = Assert.Throws<LogFormatException>(() => log.Topics);
        Assert.Equal($"{path}: line 3 column 'b': expected a number, got 'abc'", e.Message);
        Assert.Equal(path, e.Path);
    }

    [Fact]
    public void ReadMessages_NotANumber_YieldsRowsBeyondTheReorderWindowThenThrows()
    {
        // Rows wait in the reorder window until it is full: with Rows + 2 good rows, the first two come out before the error.
        int good = CsvReorderWindow<bool>.Rows + 2;
        string rows = string.Concat(Enumerable.Range(0, good).Select(i => $"{i},1\n"));
        string path = Write("bad.csv", $"time,a\n{rows}{good},x\n");
        using CsvSensorLog log = CsvSensorLog.Open(path);
        int seen = 0;

        LogFormatException e = Assert.Throws<LogFormatException>(() =>
        {
            foreach (LogMessage _ in log.ReadMessages())
            {
                seen++;
            }
        });
        Assert.Equal(2, seen);
        Assert.Equal($"line {good + 2} column 'a'", e.Record);
    }

    [Theory]
    [InlineData("time,a\n0,1\n1\n", "line 3", "2 cells as in the header, got 1")]
    [InlineData("time,a\n0,1\n\"1,2\n", "line 3", "a closing quote (quoted cells cannot span lines)")]
    [InlineData("time,a\nnow,1\n", "line 2 column 'time'", "a number, got 'now'")]
    [InlineData("time,a\n1e25,1\n", "line 2 column 'time'", "a time within +-2^62 ns (about 146 years), got '1e25' s")]
    public void Topics_MalformedRow_Throws(string content, string record, string expected)
    {
        string path = Write("m.csv", content);
        using CsvSensorLog log = CsvSensorLog.Open(path);

        LogFormatException e = Assert.Throws<LogFormatException>(() => log.Topics);
        Assert.Equal(record, e.Record);
        Assert.Equal(expected, e.Expected);
    }

    [Theory]
    [InlineData("", "line 1")]
    [InlineData("a,b\n1,2\n", "line 1 (header)")]
    [InlineData("time,a,a\n1,2,3\n", "line 1 (header)")]
    public void Open_BadHeader_Throws(string content, string record)
    {
        string path = Write("h.csv", content);
        LogFormatException e = Assert.Throws<LogFormatException>(() => CsvSensorLog.Open(path));
        Assert.Equal(record, e.Record);
    }

    [Fact]
    public void Open_MissingTimeColumnOption_ListsColumns()
    {
        string path = Write("h.csv", "time,a\n1,2\n");
        LogFormatException e = Assert.Throws<LogFormatException>(() => CsvSensorLog.Open(path, new CsvLogOptions { TimeColumn = "t_us" }));
        Assert.Contains("'t_us'", e.Expected, StringComparison.Ordinal);
        Assert.Contains("'time', 'a'", e.Expected, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_MissingFile_Throws()
    {
        Assert.Throws<LogFormatException>(() => CsvSensorLog.Open(Path.Combine(_dir, "none.csv")));
    }

    [Fact]
    public void Topics_HeaderOnly_ZeroMessages()
    {
        using CsvSensorLog log = CsvSensorLog.Open(Write("e.csv", "time,a\n"));
        Assert.Equal(0, log.Topics.Single().Count);
        Assert.Empty(log.ReadMessages());
    }

    private string Write(string name, string content)
    {
        string path = Path.Combine(_dir, name);
        File.WriteAllText(path, content);
        return path;
    }
}
