using System.Text.Json.Nodes;
using MultiRate.Logs.Abstractions;
using MultiRate.Logs.Csv;
using MultiRate.Logs.Tests.RealLogs;
using MultiRate.Logs.Tests.ULog;
using Xunit;

namespace MultiRate.Logs.Tests.Csv;

/// <summary>The CSV conventions of the tools that write them: time columns, units, exact integers.</summary>
public sealed class CsvConventionTests : IDisposable
{
    private static readonly string RostopicFolder = RepoPaths.TestData("csv-rostopic-imu");
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "multirate-csv-conventions", Guid.NewGuid().ToString("N"));

    public CsvConventionTests() => Directory.CreateDirectory(_dir);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Open_RostopicEchoCsv_MatchesPythonCsvReference()
    {
        using CsvSensorLog log = CsvSensorLog.Open(Path.Combine(RostopicFolder, "quadraped_imu_data.csv"));

        Assert.Equal("%time", log.TimeColumn);
        Assert.Equal(CsvTimeUnit.Nanoseconds, log.TimeUnit);
        Assert.Equal(["field.header.frame_id"], log.IgnoredColumns);
        ExpectedJson.AssertMatches(log, ExpectedJson.Load(RostopicFolder));
    }

    [Fact]
    public void ReadMessages_RostopicHeaderStamp_IsAnExactInteger()
    {
        using CsvSensorLog log = CsvSensorLog.Open(Path.Combine(RostopicFolder, "quadraped_imu_data.csv"));
        LogMessage first = log.ReadMessages().First();

        Assert.True(first.Data["field.header.stamp"]!.AsValue().TryGetValue(out long stamp));
        Assert.Equal(117_735_250_000L, stamp);
        Assert.True(first.Data["field.header.seq"]!.AsValue().TryGetValue(out long seq));
        Assert.Equal(11_048L, seq);
    }

    [RealLogFact("csv-euroc-imu-ns")]
    public void Open_EurocImuCsv_MatchesPythonCsvReference()
    {
        string folder = ExpectedJson.SharedFolder("csv-euroc-imu-ns");
        using CsvSensorLog log = CsvSensorLog.Open(Path.Combine(folder, "data.csv"));

        Assert.Equal("#timestamp [ns]", log.TimeColumn);
        ExpectedJson.AssertMatches(log, ExpectedJson.Load(folder));
    }

    [Fact]
    public void ReadMessages_EpochNanosecondsBeyondDoublePrecision_AreExact()
    {
        // 1403715273262142976 and ...2912 differ by 4,999,936 ns; as doubles both would round to multiples of 256.
        string path = Write("data.csv", "#timestamp [ns],w_x [rad s^-1]\n1403715273262142976,0.5\n1403715273267142913,0.25\n");
        using CsvSensorLog log = CsvSensorLog.Open(path);

        Assert.Equal([1_403_715_273_262_142_976L, 1_403_715_273_267_142_913L], log.ReadMessages().Select(m => m.LogTimeNs));
        Assert.Equal(new LogTopicInfo("data", 2, 1_403_715_273_262_142_976L, 1_403_715_273_267_142_913L, "csv", ""), log.Topics.Single());
    }

    [Theory]
    [InlineData("Time (s),x", "1.5", 1_500_000_000L)]
    [InlineData("time_us,x", "1500", 1_500_000L)]
    [InlineData("t [ms],x", "1500", 1_500_000_000L)]
    [InlineData("time_ns,x", "1500", 1_500L)]
    [InlineData("stamp (usec),x", "7", 7_000L)]
    [InlineData("%time,x", "42", 42L)]
    [InlineData("timestamp,x", "1700000000", 1_700_000_000_000_000_000L)]
    [InlineData("timestamp,x", "1700000000123", 1_700_000_000_123_000_000L)]
    [InlineData("timestamp,x", "1700000000123456", 1_700_000_000_123_456_000L)]
    [InlineData("timestamp,x", "1700000000123456789", 1_700_000_000_123_456_789L)]
    [InlineData("timestamp,x", "12.25", 12_250_000_000L)]
    public void ReadMessages_UnitFromHeaderConventionOrSize_ScalesExactly(string header, string time, long expectedNs)
    {
        string path = Write("u.csv", $"{header}\n{time},1\n");
        using CsvSensorLog log = CsvSensorLog.Open(path);

        Assert.Equal(expectedNs, log.ReadMessages().Single().LogTimeNs);
    }

    [Fact]
    public void Open_UnitOption_OverridesHeader()
    {
        string path = Write("o.csv", "time_us,x\n1500,1\n");
        using CsvSensorLog log = CsvSensorLog.Open(path, new CsvLogOptions { TimeUnit = CsvTimeUnit.Milliseconds });

        Assert.Equal(1_500_000_000L, log.ReadMessages().Single().LogTimeNs);
        Assert.Equal("ms (option)", log.TimeUnitDescription);
    }

    [Theory]
    [InlineData("seq,#timestamp [ns],x", "#timestamp [ns]")]
    [InlineData("seq,%time,field.header.stamp", "%time")]
    [InlineData("seq,header.stamp,x", "header.stamp")]
    [InlineData("time_of_day,timestamp,x", "timestamp")]
    [InlineData("seq,Time (s),x", "Time (s)")]
    [InlineData("seq,time_since_boot,x", "time_since_boot")]
    [InlineData("seq,gps_timestamp,x", "gps_timestamp")]
    public void Open_TimeColumnConventions_FindsTheColumn(string header, string expected)
    {
        int columns = header.Split(',').Length;
        string path = Write("c.csv", $"{header}\n{string.Join(',', Enumerable.Repeat("1", columns))}\n");
        using CsvSensorLog log = CsvSensorLog.Open(path);

        Assert.Equal(expected, log.TimeColumn);
    }

    [Fact]
    public void ReadMessages_IntegerField_KeepsEveryDigit()
    {
        // 2^53 + 1 is the first integer a double cannot hold.
        string path = Write("i.csv", "time,count,ratio\n0,9007199254740993,0.5\n1,-9223372036854775808,2\n");
        using CsvSensorLog log = CsvSensorLog.Open(path);
        List<LogMessage> messages = [.. log.ReadMessages()];

        Assert.Equal(9_007_199_254_740_993L, messages[0].Data["count"]!.GetValue<long>());
        Assert.Equal(long.MinValue, messages[1].Data["count"]!.GetValue<long>());
        Assert.Equal(0.5, messages[0].Data["ratio"]!.GetValue<double>());
        Assert.Equal("{\"count\":9007199254740993,\"ratio\":0.5}", messages[0].Data.ToJsonString());
    }

    [Fact]
    public void ReadMessages_IntegerTooLongForInt64_IsReadAsDouble()
    {
        string path = Write("big.csv", "time,x\n0,123456789012345678901234\n");
        using CsvSensorLog log = CsvSensorLog.Open(path);

        Assert.Equal(1.2345678901234568e23, log.ReadMessages().Single().Data["x"]!.GetValue<double>());
    }

    [Theory]
    [InlineData("time_ns,x\n99999999999999999999,1\n")]
    [InlineData("time_ns,x\n4611686018427387904,1\n")]
    [InlineData("time,x\n4611686019,1\n")]
    [InlineData("time,x\n-1e300,1\n")]
    public void Topics_TimeOutOfRange_NamesLineColumnAndUnit(string content)
    {
        string path = Write("r.csv", content);
        using CsvSensorLog log = CsvSensorLog.Open(path);

        LogFormatException e = Assert.Throws<LogFormatException>(() => log.Topics);
        Assert.StartsWith("line 2 column 'time", e.Record, StringComparison.Ordinal);
        Assert.StartsWith("a time within +-2^62 ns", e.Expected, StringComparison.Ordinal);
    }

    [Fact]
    public void Messages_NodeValuesFromCsv_AreJsonNumbers()
    {
        string path = Write("n.csv", "time,a,b\n0,3,1.5\n");
        using CsvSensorLog log = CsvSensorLog.Open(path);
        JsonObject data = log.ReadMessages().Single().Data;

        Assert.All(data, kv => Assert.Equal(System.Text.Json.JsonValueKind.Number, kv.Value!.GetValueKind()));
    }

    private string Write(string name, string content)
    {
        string path = Path.Combine(_dir, name);
        File.WriteAllText(path, content);
        return path;
    }
}
