using System.Text.Json.Nodes;
using MultiRate.Logs.Abstractions;
using MultiRate.Logs.FieldPaths;
using MultiRate.Logs.Replay;
using Xunit;

namespace MultiRate.Logs.Tests.Replay;

public sealed class LogSeriesTests
{
    internal static FakeSensorLog SampleLog() => new(
    [
        Msg(100, "/imu", """{"angular_velocity":{"x":0.5,"y":1}}"""),
        Msg(150, "/joint_states", """{"position":[1,2,3,4],"ok":true}"""),
        Msg(200, "/imu", """{"angular_velocity":{"x":0.75,"y":2}}"""),
        Msg(250, "/camera", """{"width":640}"""),
        Msg(300, "/imu", """{"angular_velocity":{"x":-1,"y":3}}"""),
        Msg(350, "/joint_states", """{"position":[5,6,7,8],"ok":false}"""),
    ]);

    [Fact]
    public void Extract_TwoTopics_ReadsOnceWithOnlyNeededTopics()
    {
        FakeSensorLog log = SampleLog();

        LogSeries series = LogSeries.Extract(log, ["/imu.angular_velocity.x", "/joint_states.position[3]", "imu.angular_velocity.y"]);

        IReadOnlyCollection<string>? filter = Assert.Single(log.Reads);
        Assert.Equal(["/imu", "/joint_states"], filter!.Order(StringComparer.Ordinal));
        Assert.Equal([100L, 200, 300], series.Fields[0].TimesNs);
        Assert.Equal([0.5f, 0.75f, -1f], series.Fields[0].Values);
        Assert.Equal([150L, 350], series.Fields[1].TimesNs);
        Assert.Equal([4f, 8f], series.Fields[1].Values);
        Assert.Equal([1f, 2f, 3f], series.Fields[2].Values);
        Assert.Equal([3, 2, 3], series.SampleCounts);
        Assert.Equal(100, series.StartNs);
        Assert.Equal(350, series.EndNs);
        Assert.Equal("imu.angular_velocity.y", series.Fields[2].Field);
    }

    [Fact]
    public void Extract_TimeRange_PassesItToTheLog()
    {
        LogSeries series = LogSeries.Extract(SampleLog(), ["/imu.angular_velocity.x"], startNs: 150, endNs: 300);

        Assert.Equal([200L, 300], series.Fields[0].TimesNs);
    }

    [Fact]
    public void Extract_UnknownTopic_ListsLogTopics()
    {
        FieldPathException ex = Assert.Throws<FieldPathException>(() => LogSeries.Extract(SampleLog(), ["/gps.lat"]));

        Assert.Contains("/camera, /imu, /joint_states", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Extract_FieldMissingInSomeMessages_TheyAddNoSampleAndThePreviousHolds()
    {
        // A CSV of merged streams leaves a cell empty where a sensor had no sample; the field is then left out.
        var log = new FakeSensorLog([Msg(10, "/a", """{"v":1,"w":5}"""), Msg(20, "/a", """{"w":6}"""), Msg(30, "/a", """{"v":3}""")]);

        LogSeries series = LogSeries.Extract(log, ["/a.v", "/a.w"]);

        Assert.Equal([10L, 30], series.Fields[0].TimesNs);
        Assert.Equal([1f, 3f], series.Fields[0].Values);
        Assert.Equal([10L, 20], series.Fields[1].TimesNs);
        Assert.Equal([5f, 6f], series.Fields[1].Values);
    }

    [Fact]
    public void Extract_NullValue_AddsNoSample()
    {
        // JSON writers (ours included) write NaN as null.
        var log = new FakeSensorLog([Msg(10, "/a", """{"v":1}"""), Msg(20, "/a", """{"v":null}""")]);

        LogSeries series = LogSeries.Extract(log, ["/a.v"]);

        Assert.Equal([10L], series.Fields[0].TimesNs);
    }

    [Fact]
    public void Extract_FieldInNoMessage_NamesLogTopicTimeOfTheFirstAndItsFields()
    {
        var log = new FakeSensorLog([Msg(10, "/a", """{"w":1}"""), Msg(20, "/a", """{"w":2}""")]);

        FieldPathException ex = Assert.Throws<FieldPathException>(() => LogSeries.Extract(log, ["/a.v"]));

        Assert.Equal("fake.log: message on '/a' at log time 10 ns: field path '/a.v': no field 'v' in '/a'; available: w", ex.Message);
    }

    [Fact]
    public void Extract_MissingObjectOnTheWay_StillAnError()
    {
        var log = new FakeSensorLog([Msg(10, "/a", """{"imu":{"x":1}}"""), Msg(20, "/a", """{"gps":{"x":2}}""")]);

        FieldPathException ex = Assert.Throws<FieldPathException>(() => LogSeries.Extract(log, ["/a.imu.x"]));

        Assert.Contains("message on '/a' at log time 20 ns", ex.Message, StringComparison.Ordinal);
        Assert.Contains("no field 'imu' in '/a'; available: gps", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Extract_NoFields_Throws() =>
        Assert.Throws<FieldPathException>(() => LogSeries.Extract(SampleLog(), []));

    [Fact]
    public void Extract_OutOfOrderTimes_SortsStably()
    {
        var log = new FakeSensorLog([Msg(30, "/a", """{"v":3}"""), Msg(10, "/a", """{"v":1}"""), Msg(30, "/a", """{"v":4}"""), Msg(20, "/a", """{"v":2}""")]);

        LogSeries series = LogSeries.Extract(log, ["/a.v"]);

        Assert.Equal([10L, 20, 30, 30], series.Fields[0].TimesNs);
        Assert.Equal([1f, 2f, 3f, 4f], series.Fields[0].Values);
    }

    [Fact]
    public void FromArrays_MismatchedLengths_Throws() =>
        Assert.Throws<ArgumentException>(() => LogSeries.FromArrays([("/a.v", new long[] { 1, 2 }, new float[] { 1 })]));

    private static LogMessage Msg(long t, string topic, string json) => new(t, topic, JsonNode.Parse(json)!.AsObject());
}
