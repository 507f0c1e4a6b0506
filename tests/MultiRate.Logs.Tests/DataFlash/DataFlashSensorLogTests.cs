using System.Text.Json.Nodes;
using MultiRate.Logs.Abstractions;
using MultiRate.Logs.DataFlash;
using MultiRate.Logs.Tests.RealLogs;
using MultiRate.Logs.Tests.ULog;
using Xunit;
using static MultiRate.Logs.Tests.DataFlash.DataFlashBytes;

namespace MultiRate.Logs.Tests.DataFlash;

public sealed class DataFlashSensorLogTests
{
    private static readonly string Sub = RepoPaths.TestData("ardupilot-bin-sub");
    private static readonly string Copter = RepoPaths.TestData("ardupilot-bin-copter");

    [Fact]
    public void Open_ArduSubLog_MatchesPymavlink()
    {
        using var log = DataFlashSensorLog.Open(Path.Combine(Sub, "small.BIN"));
        ExpectedJson.AssertMatches(log, ExpectedJson.Load(Sub));
        Assert.False(log.IsTruncated);
    }

    [Fact]
    public void Open_CopterLogCutMidMessage_MatchesPymavlinkAndReportsTheCut()
    {
        using var log = DataFlashSensorLog.Open(Path.Combine(Copter, "backend_log_80k.bin"));
        JsonObject expected = ExpectedJson.Load(Copter);
        ExpectedJson.AssertMatches(log, expected);
        Assert.True(log.IsTruncated);
        Assert.Equal((long)expected["message_count"]!, log.ReadMessages().Count());
        LogCoverage coverage = log.Coverage!;
        Assert.True(coverage.Damaged && coverage.Truncated);
        Assert.Equal(81918, coverage.StoppedAtByte);
        foreach ((string name, JsonNode? format) in expected["extra"]!["formats"]!.AsObject())
        {
            Assert.Equal((string)format!, log.MessageFormats[name]);
        }
    }

    [Fact]
    public void ReadMessages_EveryFormatCharacter_DecodesAsDfReader()
    {
        byte[] a = new byte[64];
        a[0] = 0xFF; a[1] = 0xFF; a[62] = 7;
        byte[] log = Log(
            Fmt(200, "ALL", "QbBhHiIfdnNZcCeE", "TimeUS,b,B,h,H,i,I,f,d,n,N,Z,c,C,e,E"),
            Fmt(199, "ALL2", "QLMqa", "TimeUS,L,M,q,a"),
            Message(
                200,
                BitConverter.GetBytes(5_000_000UL),
                [0x80],
                [0xFF],
                BitConverter.GetBytes((short)-2),
                BitConverter.GetBytes((ushort)65535),
                BitConverter.GetBytes(-3),
                BitConverter.GetBytes(4_000_000_000U),
                BitConverter.GetBytes(1.5f),
                BitConverter.GetBytes(-2.25),
                Fixed("abcd", 4),
                Fixed("mode", 16),
                Fixed("hello", 64),
                BitConverter.GetBytes((short)-1234),
                BitConverter.GetBytes((ushort)102),
                BitConverter.GetBytes(4777),
                BitConverter.GetBytes(12345U)),
            Message(
                199,
                BitConverter.GetBytes(5_000_000UL),
                BitConverter.GetBytes(524556363),
                [0x05],
                BitConverter.GetBytes(-9_000_000_000_000L),
                a));
        using var sensorLog = DataFlashSensorLog.Open("mem.bin", () => new MemoryStream(log), allowTruncated: false);
        LogMessage m = sensorLog.ReadMessages(["ALL"]).Single();
        JsonObject d = m.Data;
        foreach ((string key, JsonNode? value) in sensorLog.ReadMessages(["ALL2"]).Single().Data)
        {
            d[key] = value!.DeepClone();
        }

        Assert.Equal(5_000_000_000L, m.LogTimeNs);
        Assert.Equal(5_000_000UL, d["TimeUS"]!.GetValue<ulong>());
        Assert.Equal(-128, (int)d["b"]!.GetValue<sbyte>());
        Assert.Equal(255, (int)d["B"]!.GetValue<byte>());
        Assert.Equal(-2, (int)d["h"]!.GetValue<short>());
        Assert.Equal(65535, (int)d["H"]!.GetValue<ushort>());
        Assert.Equal(-3, d["i"]!.GetValue<int>());
        Assert.Equal(4_000_000_000U, d["I"]!.GetValue<uint>());
        Assert.Equal(1.5, d["f"]!.GetValue<double>());
        Assert.Equal(-2.25, d["d"]!.GetValue<double>());
        Assert.Equal("abcd", (string)d["n"]!);
        Assert.Equal("mode", (string)d["N"]!);
        Assert.Equal("hello", (string)d["Z"]!);
        Assert.Equal(-12.34, d["c"]!.GetValue<double>(), 12);
        Assert.Equal(1.02, d["C"]!.GetValue<double>(), 12);
        Assert.Equal(47.77, d["e"]!.GetValue<double>(), 12);
        Assert.Equal(123.45, d["E"]!.GetValue<double>(), 12);
        Assert.Equal(52.4556363, d["L"]!.GetValue<double>(), 12);
        Assert.Equal(5, (int)d["M"]!.GetValue<sbyte>());
        Assert.Equal(-9_000_000_000_000L, d["q"]!.GetValue<long>());
        JsonArray arr = d["a"]!.AsArray();
        Assert.Equal(32, arr.Count);
        Assert.Equal(-1, (int)arr[0]!.GetValue<short>());
        Assert.Equal(7, (int)arr[31]!.GetValue<short>());
    }

    [Fact]
    public void ReadMessages_FmtBeforeAnyTime_TakesTheFirstTimeUs()
    {
        byte[] log = Log(
            Fmt(201, "T", "QB", "TimeUS,V"),
            Message(201, BitConverter.GetBytes(7UL), [1]),
            Fmt(202, "U", "B", "V"),
            Message(201, BitConverter.GetBytes(9UL), [2]));
        using var sensorLog = DataFlashSensorLog.Open("mem.bin", () => new MemoryStream(log), allowTruncated: false);
        Assert.Equal([7000L, 7000, 7000, 9000], sensorLog.ReadMessages().Select(m => m.LogTimeNs));
        LogTopicInfo fmt = sensorLog.Topics.Single(t => t.Name == "FMT");
        Assert.Equal((2, 7000L, 7000L), (fmt.Count, fmt.FirstNs, fmt.LastNs));
    }

    [Fact]
    public void ReadMessages_BadHeaderMidFile_ThrowsWithOffsetOrStopsWhenAllowed()
    {
        byte[] good = Log(Fmt(201, "T", "QB", "TimeUS,V"), Message(201, BitConverter.GetBytes(7UL), [1]));
        byte[] log = [.. good, 0x00, 0x95, 201, .. new byte[9]];
        using var strict = DataFlashSensorLog.Open("mem.bin", () => new MemoryStream(log), allowTruncated: false);
        var ex = Assert.Throws<LogFormatException>(() => strict.Topics);
        Assert.Equal(good.Length, ex.Offset);
        Assert.Contains("A3 95", ex.Message, StringComparison.Ordinal);

        using var lenient = DataFlashSensorLog.Open("mem.bin", () => new MemoryStream(log), allowTruncated: true);
        Assert.Equal(2, lenient.ReadMessages().Count());
        Assert.Equal(good.Length, lenient.Coverage!.StoppedAtByte);
        Assert.False(lenient.Coverage.Truncated);
    }

    [Theory]
    [InlineData("QB", "TimeUS", "columns")]
    [InlineData("QX", "TimeUS,V", "format character")]
    public void Topics_InvalidFmt_ThrowsNamingTheFmt(string format, string columns, string expected)
    {
        byte[] log = Fmt(201, "T", format, columns, length: 12);
        using var sensorLog = DataFlashSensorLog.Open("mem.bin", () => new MemoryStream(log), allowTruncated: false);
        var ex = Assert.Throws<LogFormatException>(() => sensorLog.Topics);
        Assert.Equal(0, ex.Offset);
        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Topics_TimeBeyondNanosecondRange_ThrowsWithOffset()
    {
        byte[] fmt = Fmt(201, "T", "QB", "TimeUS,V");
        byte[] log = Log(fmt, Message(201, BitConverter.GetBytes(ulong.MaxValue), [1]));
        using var sensorLog = DataFlashSensorLog.Open("mem.bin", () => new MemoryStream(log), allowTruncated: false);
        var ex = Assert.Throws<LogFormatException>(() => sensorLog.Topics);
        Assert.Equal(fmt.Length, ex.Offset);
    }

    [Fact]
    public void Open_SensorLogs_ChoosesDataFlashByMagic()
    {
        using ISensorLog log = SensorLogs.Open(Path.Combine(Sub, "small.BIN"));
        Assert.IsType<DataFlashSensorLog>(log);
        Assert.Equal("ardupilot-dataflash", log.Format);
    }
}
