using System.Text.Json.Nodes;
using MultiRate.Logs.Abstractions;
using MultiRate.Logs.ULog;
using Xunit;

namespace MultiRate.Logs.Tests.ULog;

public sealed class ULogDecodingTests
{
    private static ULogFile OpenSynthetic(ULogReaderOptions? options = null) =>
        ULogFile.Open(new MemoryStream(SyntheticULog.Build()), options);

    [Fact]
    public void ReadMessages_NestedTypeArraysAndString_DecodeToJson()
    {
        using ULogFile file = OpenSynthetic();
        LogMessage m = file.ReadMessages(["imu/0"]).First();

        Assert.Equal(2_000_000_000L, m.LogTimeNs);
        Assert.Equal("imu/0", m.Topic);
        JsonObject d = m.Data;
        Assert.Equal(2_000_000UL, d["timestamp"]!.GetValue<ulong>());
        Assert.Equal(1.5f, d["accel"]!["x"]!.GetValue<float>());
        Assert.Equal(-9.81f, d["accel"]!["z"]!.GetValue<float>());
        Assert.Equal(5f, d["history"]![1]!["y"]!.GetValue<float>());
        Assert.Equal("left", d["name"]!.GetValue<string>());
        Assert.Equal([-1, 0, 300], d["raw"]!.AsArray().Select(n => (int)n!.GetValue<short>()));
        Assert.True(d["ok"]!.GetValue<bool>());
        Assert.Equal(["timestamp", "accel", "history", "name", "raw", "ok"], d.Select(kv => kv.Key));
    }

    [Fact]
    public void ReadMessages_TrailingPaddingOmitted_StillDecodes()
    {
        using ULogFile file = OpenSynthetic();
        LogMessage last = file.ReadMessages(["imu/0"]).Last();

        Assert.Equal(3f, last.Data["accel"]!["x"]!.GetValue<float>());
        Assert.True(last.Data["ok"]!.GetValue<bool>());
    }

    [Fact]
    public void ReadMessages_LaggingInstance_ComesOutInTimeOrder()
    {
        using ULogFile file = OpenSynthetic();
        Assert.Equal(["imu/1", "imu/0", "imu/0"], file.ReadMessages().Select(m => m.Topic));
    }

    [Fact]
    public void ReadMessages_ReorderWindowZero_KeepsFileOrder()
    {
        using ULogFile file = OpenSynthetic(new ULogReaderOptions { ReorderWindow = 0 });
        Assert.Equal(["imu/0", "imu/1", "imu/0"], file.ReadMessages().Select(m => m.Topic));
    }

    [Fact]
    public void Topics_MultiInstance_NamedByMultiId()
    {
        using ULogFile file = OpenSynthetic();
        Assert.Equal(
            [new LogTopicInfo("imu/0", 2, 2_000_000_000, 2_001_000_000, "ulog", "imu"), new LogTopicInfo("imu/1", 1, 1_999_000_000, 1_999_000_000, "ulog", "imu")],
            file.Topics);
    }

    [Fact]
    public void Summary_EveryRecordType_Collected()
    {
        using ULogFile file = OpenSynthetic();

        Assert.Equal(1, file.Version);
        Assert.Equal(1_000_000UL, file.StartTimestampUs);
        Assert.Equal(2_001_000UL, file.LastTimestampUs);
        Assert.Equal(["imu", "vec3"], file.Formats.Keys.Order());
        Assert.Equal("uint8_t[3] _padding0", file.Formats["imu"].Fields[^1].ToString());
        Assert.Equal("PX4", file.Info["sys_name"].GetValue<string>());
        Assert.Equal(42u, file.Info["ver_sw_release"].GetValue<uint>());
        Assert.Equal([["ab", "cd"], ["ef"]], file.MultiInfo["cal"].Select(set => set.Select(v => v.GetValue<string>())));
        Assert.Equal(0.5, file.Parameters["MC_GAIN"]);
        Assert.Equal(7, file.Parameters["SYS_ID"]);
        Assert.Equal([new ULogDefaultParameter("SYS_ID", 1, 0b11)], file.DefaultParameters);
        Assert.Equal([new ULogParameterChange(2_000_000, "MC_GAIN", 0.75)], file.ChangedParameters);
        Assert.Equal([new ULogLoggedMessage((byte)'6', 2_000_100, "hello"), new ULogLoggedMessage((byte)'4', 2_000_200, "tagged", 3)], file.LoggedMessages);
        Assert.Equal("WARNING", file.LoggedMessages[1].LevelName);
        Assert.Equal([new ULogDropout(2_000_000, 25)], file.Dropouts);
        Assert.Equal(1, file.SyncCount);
        Assert.Equal(1, file.UnknownRecordCount);
        Assert.Null(file.TruncatedAt);
    }

    [Fact]
    public void ReadMessages_ZeroTimestamp_UsesLatestTimestampSoFar()
    {
        byte[] bytes = SyntheticULog.Definitions(new ULogTestWriter(startTimestampUs: 500))
            .Add(0, 1, "imu")
            .Data(1, SyntheticULog.ImuData(0, 1f, "a"))
            .Data(1, SyntheticULog.ImuData(7_000, 1f, "a"))
            .Data(1, SyntheticULog.ImuData(0, 1f, "a"))
            .ToArray();
        using ULogFile file = ULogFile.Open(new MemoryStream(bytes));

        Assert.Equal([500_000L, 7_000_000, 7_000_000], file.ReadMessages().Select(m => m.LogTimeNs));
    }

    [Fact]
    public void ReadMessages_AppendedData_FollowsTheOffsetAndDropsTheCutRecord()
    {
        byte[] bytes = BuildAppended(out long appendedAt);
        using ULogFile file = ULogFile.Open(new MemoryStream(bytes));

        Assert.Equal([appendedAt], file.AppendedOffsets);
        Assert.Equal([2_000_000L, 2_500_000, 3_000_000], file.ReadMessages().Select(m => m.LogTimeNs / 1000));
        Assert.Equal("appended", file.ReadMessages(["imu/3"]).Single().Data["name"]!.GetValue<string>());
    }

    private static byte[] BuildAppended(out long appendedAt)
    {
        ULogTestWriter Main(ulong offset) => new ULogTestWriter()
            .Flags(incompat0: 1, offset)
            .Format(SyntheticULog.Vec3)
            .Format(SyntheticULog.Imu)
            .Add(0, 1, "imu")
            .Data(1, SyntheticULog.ImuData(2_000_000, 1f, "main"))
            .Data(1, SyntheticULog.ImuData(3_000_000, 1f, "main"))
            .Raw([40, 0, (byte)'D', 1, 0]); // a record the logger was writing when it stopped: crosses the offset

        appendedAt = Main(0).Length;
        return Main((ulong)appendedAt)
            .Add(3, 7, "imu")
            .Data(7, SyntheticULog.ImuData(2_500_000, 1f, "appended"))
            .ToArray();
    }
}
