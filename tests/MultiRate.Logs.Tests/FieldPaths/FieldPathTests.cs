using System.Text.Json.Nodes;
using MultiRate.Logs.FieldPaths;
using Xunit;

namespace MultiRate.Logs.Tests.FieldPaths;

public sealed class FieldPathTests
{
    private static readonly string[] Topics = ["/imu", "/joint_states", "sensor_combined/0", "/robot/arm", "/robot/arm/state"];

    private static readonly JsonObject Joints = JsonNode.Parse(
        """{"header":{"frame_id":"base"},"name":["a","b"],"position":[0.5,-1.5,2.5],"ok":true,"nested":[{"v":[7]}]}""")!.AsObject();

    [Theory]
    [InlineData("/imu.angular_velocity.x", "/imu", ".angular_velocity.x")]
    [InlineData("imu.angular_velocity.x", "/imu", ".angular_velocity.x")]
    [InlineData("/joint_states.position[3]", "/joint_states", ".position[3]")]
    [InlineData("sensor_combined/0.gyro_rad[0]", "sensor_combined/0", ".gyro_rad[0]")]
    [InlineData("/sensor_combined/0.gyro_rad[0]", "sensor_combined/0", ".gyro_rad[0]")]
    [InlineData("/robot/arm/state.q[1]", "/robot/arm/state", ".q[1]")]
    [InlineData("/robot/arm.q", "/robot/arm", ".q")]
    [InlineData("/joint_states.nested[0].v[0]", "/joint_states", ".nested[0].v[0]")]
    public void Parse_KnownTopics_PicksLongestMatchingTopic(string text, string topic, string steps)
    {
        FieldPath path = FieldPath.Parse(text, Topics);

        Assert.Equal(topic, path.Topic);
        Assert.Equal(steps, string.Concat(path.Segments));
        Assert.Equal(text, path.Text);
    }

    [Fact]
    public void Parse_UnknownTopic_ListsTheLogTopics()
    {
        FieldPathException ex = Assert.Throws<FieldPathException>(() => FieldPath.Parse("/gps.latitude", Topics));

        Assert.Contains("'/gps.latitude'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("/imu, /joint_states, /robot/arm, /robot/arm/state, sensor_combined/0", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_TopicWithoutSteps_SaysAFieldIsNeeded()
    {
        FieldPathException ex = Assert.Throws<FieldPathException>(() => FieldPath.Parse("/imu", Topics));

        Assert.Contains("expected '.field' or '[index]' after topic '/imu'", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/imu..x", "character 6: expected a field name")]
    [InlineData("/imu.x[", "'[index]'")]
    [InlineData("/imu.x[-1]", "'[index]'")]
    [InlineData("/imu.x[a]", "'[index]'")]
    [InlineData("/imu.x[1]y", "character 10: expected '.' or '['")]
    public void Parse_MalformedSteps_SaysWhere(string text, string expected)
    {
        FieldPathException ex = Assert.Throws<FieldPathException>(() => FieldPath.Parse(text, Topics));

        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/imu.angular_velocity.x", "/imu")]
    [InlineData("sensor_combined/0.gyro_rad[0]", "sensor_combined/0")]
    public void Parse_WithoutLog_SplitsAtFirstDotOrBracket(string text, string topic) =>
        Assert.Equal(topic, FieldPath.Parse(text).Topic);

    [Theory]
    [InlineData("/imu")]
    [InlineData(".x")]
    [InlineData("/.x")]
    public void Parse_WithoutLogAndNoTopicOrField_Throws(string text) =>
        Assert.Throws<FieldPathException>(() => FieldPath.Parse(text));

    [Theory]
    [InlineData("/joint_states.position[1]", -1.5)]
    [InlineData("/joint_states.position[2]", 2.5)]
    [InlineData("/joint_states.ok", 1.0)]
    [InlineData("/joint_states.nested[0].v[0]", 7.0)]
    public void Resolve_ParsedJson_ReadsNumbersAndBools(string text, double expected) =>
        Assert.Equal(expected, FieldPath.Parse(text, Topics).Resolve(Joints));

    [Fact]
    public void Resolve_ValuesBuiltInCode_ReadsEveryNumericType()
    {
        var data = new JsonObject { ["f"] = 0.5f, ["u"] = ulong.MaxValue, ["l"] = -3L, ["b"] = (byte)9, ["no"] = false };

        Assert.Equal(0.5, FieldPath.Parse("/imu.f", Topics).Resolve(data));
        Assert.Equal(ulong.MaxValue, FieldPath.Parse("/imu.u", Topics).Resolve(data));
        Assert.Equal(-3, FieldPath.Parse("/imu.l", Topics).Resolve(data));
        Assert.Equal(9, FieldPath.Parse("/imu.b", Topics).Resolve(data));
        Assert.Equal(0, FieldPath.Parse("/imu.no", Topics).Resolve(data));
    }

    [Fact]
    public void Resolve_UnknownField_ListsFieldsAtThatLevel()
    {
        FieldPathException ex = Assert.Throws<FieldPathException>(() => FieldPath.Parse("/joint_states.header.stamp", Topics).Resolve(Joints));

        Assert.Contains("no field 'stamp' in '/joint_states.header'; available: frame_id", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_IndexOutOfRange_GivesArrayLength()
    {
        FieldPathException ex = Assert.Throws<FieldPathException>(() => FieldPath.Parse("/joint_states.position[3]", Topics).Resolve(Joints));

        Assert.Contains("index 3 is out of range; '/joint_states.position' has 3 elements", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/joint_states.name[0]", "a number or bool at '/joint_states.name[0]', but it is a string")]
    [InlineData("/joint_states.position", "but it is an array of 3 elements")]
    [InlineData("/joint_states.header", "but it is an object (fields: frame_id)")]
    [InlineData("/joint_states.ok[0]", "an array to index with [0] at '/joint_states.ok'")]
    [InlineData("/joint_states.position.x", "an object with field 'x' at '/joint_states.position', but it is an array of 3")]
    public void Resolve_WrongKind_SaysWhatItFound(string text, string expected)
    {
        FieldPathException ex = Assert.Throws<FieldPathException>(() => FieldPath.Parse(text, Topics).Resolve(Joints));

        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
    }
}
