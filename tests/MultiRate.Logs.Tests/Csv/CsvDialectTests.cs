using MultiRate.Logs.Abstractions;
using MultiRate.Logs.Csv;
using Xunit;

namespace MultiRate.Logs.Tests.Csv;

/// <summary>Valid CSV files written by other locales and tools: separators, decimal commas, line ends, infinities.</summary>
public sealed class CsvDialectTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("multirate-csv-dialect-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Theory]
    [InlineData(';')]
    [InlineData('\t')]
    [InlineData(',')]
    public void Open_SeparatorOfTheHeader_FoundAndUsed(char separator)
    {
        string path = Write("imu.csv", $"time{separator}ax{separator}ay\n0.5{separator}1{separator}2\n0.6{separator}3{separator}4\n");

        using CsvSensorLog log = CsvSensorLog.Open(path);

        Assert.Equal(separator, log.Delimiter);
        Assert.Equal(["ax", "ay"], log.Fields);
        Assert.Equal([500_000_000L, 600_000_000L], log.ReadMessages().Select(m => m.LogTimeNs));
        Assert.Equal(4L, (long)log.ReadMessages().Last().Data["ay"]!);
    }

    [Fact]
    public void ReadMessages_SemicolonFileWithDecimalCommas_ReadsExactValues()
    {
        string path = Write("de.csv", "Time (s);Beschl. X;Zähler\n0,01;1,5;7\n0,02;-2,25;8\n");

        using CsvSensorLog log = CsvSensorLog.Open(path);
        LogMessage[] messages = [.. log.ReadMessages()];

        Assert.Equal([10_000_000L, 20_000_000L], messages.Select(m => m.LogTimeNs));
        Assert.Equal([1.5, -2.25], messages.Select(m => (double)m.Data["Beschl. X"]!));
        Assert.Equal(8L, (long)messages[1].Data["Zähler"]!);
    }

    [Fact]
    public void Open_CommaInsideAQuotedHeaderName_DoesNotDecideTheSeparator()
    {
        string path = Write("q.csv", "time;\"x, filtered\";\"y, raw\"\n1;2;3\n");

        using CsvSensorLog log = CsvSensorLog.Open(path);

        Assert.Equal(';', log.Delimiter);
        Assert.Equal(["x, filtered", "y, raw"], log.Fields);
    }

    [Fact]
    public void Open_GivenDelimiter_WinsOverTheHeader()
    {
        string path = Write("g.csv", "time;a,b\n1;2,3\n");

        using CsvSensorLog log = CsvSensorLog.Open(path, new CsvLogOptions { Delimiter = ';' });

        Assert.Equal(["a,b"], log.Fields);
        Assert.Equal(2.3, (double)log.ReadMessages().Single().Data["a,b"]!);
    }

    [Fact]
    public void ReadMessages_CarriageReturnLineEnds_ReadLineByLine()
    {
        string path = Write("mac.csv", "time,x\r1,2\r2,3\r");

        using CsvSensorLog log = CsvSensorLog.Open(path);

        Assert.Equal([1_000_000_000L, 2_000_000_000L], log.ReadMessages().Select(m => m.LogTimeNs));
    }

    [Theory]
    [InlineData("inf", double.PositiveInfinity)]
    [InlineData("-inf", double.NegativeInfinity)]
    [InlineData("+INF", double.PositiveInfinity)]
    [InlineData("Infinity", double.PositiveInfinity)]
    [InlineData("-Inf", double.NegativeInfinity)]
    public void ReadMessages_InfinitySpellings_ReadAsInfinity(string cell, double expected)
    {
        string path = Write("inf.csv", $"time,x\n1,{cell}\n2,nan\n3,1\n");

        using CsvSensorLog log = CsvSensorLog.Open(path);
        LogMessage[] messages = [.. log.ReadMessages()];

        // A first value of 'inf' used to make the column look like text, and it was silently left out.
        Assert.Equal(["x"], log.Fields);
        Assert.Equal(expected, (double)messages[0].Data["x"]!);
        Assert.True(double.IsNaN((double)messages[1].Data["x"]!));
    }

    [Fact]
    public void Open_InfinityAsATime_RefusedAsOutOfRange()
    {
        string path = Write("t.csv", "time,x\n1,0\ninf,1\n");

        using CsvSensorLog log = CsvSensorLog.Open(path);
        var error = Assert.Throws<LogFormatException>(() => log.ReadMessages().ToList());

        Assert.Contains("line 3 column 'time': expected a time within +-2^62 ns", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(";", "1,5", 1.5)]
    [InlineData(";", "1.5", 1.5)]
    [InlineData("\t", "-0,25", -0.25)]
    public void ReadMessages_DecimalCommaOnlyWhereCommaIsNotTheSeparator(string separator, string cell, double expected)
    {
        string path = Write("d.csv", $"time{separator}x\n1{separator}{cell}\n");

        using CsvSensorLog log = CsvSensorLog.Open(path);

        Assert.Equal(expected, (double)log.ReadMessages().Single().Data["x"]!);
    }

    private string Write(string name, string text)
    {
        string path = Path.Combine(_dir, name);
        File.WriteAllText(path, text);
        return path;
    }
}
