using System.Text.Json.Nodes;
using MultiRate.Logs.Abstractions;
using MultiRate.Logs.Decoding;
using Xunit;

namespace MultiRate.Logs.Tests.Decoding;

public sealed class CdrErrorTests
{
    private static readonly Ros2MsgSchema JointState = Ros2MsgSchema.Parse("sensor_msgs/msg/JointState", RosDefinitions.JointState);
    private static readonly Ros2MsgSchema Imu = Ros2MsgSchema.Parse("sensor_msgs/msg/Imu", RosDefinitions.Imu);

    [Fact]
    public void Deserialize_LyingSequenceCount_ThrowsAtTheCountWithoutAllocating()
    {
        // stamp 0..8, frame_id "" (length 1) 8..13, name count aligned to 16.
        byte[] bytes = new HandBytes(40).Str(8, string.Empty).U32(16, int.MaxValue).Bytes;

        LogFormatException ex = Assert.Throws<LogFormatException>(() => CdrSerializer.Deserialize(JointState, bytes, "run.mcap"));

        Assert.Equal(4 + 16, ex.Offset);
        Assert.Contains("run.mcap at byte 20", ex.Message, StringComparison.Ordinal);
        Assert.Contains("field 'name'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("2147483647 elements", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Deserialize_MaxUInt32Count_ThrowsInsteadOfOverflowing()
    {
        byte[] bytes = new HandBytes(40).Str(8, string.Empty).U32(16, 0).U32(20, uint.MaxValue).Bytes;

        LogFormatException ex = Assert.Throws<LogFormatException>(() => CdrSerializer.Deserialize(JointState, bytes));

        Assert.Equal(4 + 20, ex.Offset);
        Assert.Contains("field 'position'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("4294967295 elements", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Deserialize_LyingStringLength_ThrowsWithElementPath()
    {
        byte[] bytes = new HandBytes(40).Str(8, string.Empty).U32(16, 1).U32(20, 1000).Bytes;

        LogFormatException ex = Assert.Throws<LogFormatException>(() => CdrSerializer.Deserialize(JointState, bytes));

        Assert.Equal(4 + 20, ex.Offset);
        Assert.Contains("field 'name[0]'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("string of 1000 bytes", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(30, "field 'orientation.x'", 28)]
    [InlineData(100, "field 'orientation_covariance'", 60)]
    [InlineData(15, "4 bytes for string length", 12)]
    [InlineData(20, "a string of 9 bytes", 12)]
    public void Deserialize_TruncatedImu_ThrowsWithFieldAndOffset(int keep, string field, long offset)
    {
        byte[] bytes = CdrHandBuiltTests.HandBuiltImu()[..keep];

        LogFormatException ex = Assert.Throws<LogFormatException>(() => CdrSerializer.Deserialize(Imu, bytes));

        Assert.Contains(field, ex.Message, StringComparison.Ordinal);
        Assert.Equal(offset, ex.Offset);
    }

    [Fact]
    public void Deserialize_BoundedSequenceOverBound_Throws()
    {
        var schema = Ros2MsgSchema.Parse("p/msg/B", "int32[<=2] a\n");
        byte[] bytes = new HandBytes(16).U32(0, 3).Bytes;

        LogFormatException ex = Assert.Throws<LogFormatException>(() => CdrSerializer.Deserialize(schema, bytes));

        Assert.Contains("at most 2 elements", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Deserialize_BoundedStringOverBound_Throws()
    {
        var schema = Ros2MsgSchema.Parse("p/msg/B", "string<=2 s\n");
        byte[] bytes = new HandBytes(12).Str(0, "abc").Bytes;

        LogFormatException ex = Assert.Throws<LogFormatException>(() => CdrSerializer.Deserialize(schema, bytes));

        Assert.Contains("at most 2 bytes", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new byte[] { 0, 1, 0 }, "4-byte CDR encapsulation header")]
    [InlineData(new byte[] { 0, 3, 0, 0, 0, 0, 0, 0 }, "PL_CDR_LE")]
    [InlineData(new byte[] { 0, 2, 0, 0, 0, 0, 0, 0 }, "PL_CDR_BE")]
    [InlineData(new byte[] { 0, 7, 0, 0, 0, 0, 0, 0 }, "XCDR2")]
    [InlineData(new byte[] { 9, 9, 0, 0, 0, 0, 0, 0 }, "0x0909")]
    public void Deserialize_UnsupportedHeader_Throws(byte[] bytes, string expected)
    {
        var schema = Ros2MsgSchema.Parse("p/msg/B", "int32 a\n");

        LogFormatException ex = Assert.Throws<LogFormatException>(() => CdrSerializer.Deserialize(schema, bytes));

        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
        Assert.Contains("'p/msg/B' header", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"linear":{"x":1},"spin":2}""", "not 'spin'")]
    [InlineData("""{"linear":{"q":1}}""", "field 'linear'")]
    [InlineData("""{"linear":{"x":"fast"}}""", "a number, not \"fast\"")]
    [InlineData("""{"linear":[1,2,3]}""", "an object of type geometry_msgs/msg/Vector3")]
    public void Serialize_BadTwist_ThrowsNamingField(string json, string expected)
    {
        var schema = Ros2MsgSchema.Parse("geometry_msgs/msg/Twist", RosDefinitions.Twist);

        LogFormatException ex = Assert.Throws<LogFormatException>(() => CdrSerializer.Serialize(schema, JsonNode.Parse(json)!.AsObject()));

        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("uint8 a", """{"a":256}""", "an integer in [0, 255]")]
    [InlineData("int8 a", """{"a":-129}""", "an integer in [-128, 127]")]
    [InlineData("int32 a", """{"a":1.5}""", "an integer in")]
    [InlineData("uint64 a", """{"a":-1}""", "an integer in [0, 18446744073709551615]")]
    [InlineData("float64[3] a", """{"a":[1,2]}""", "exactly 3 elements")]
    [InlineData("float64[<=1] a", """{"a":[1,2]}""", "at most 1 elements")]
    [InlineData("string<=2 a", """{"a":"abc"}""", "at most 2 bytes")]
    [InlineData("bool a", """{"a":2}""", "true, false, 0 or 1")]
    [InlineData("float64[] a", """{"a":3}""", "an array for float64[]")]
    public void Serialize_ValueDoesNotFit_Throws(string text, string json, string expected)
    {
        var schema = Ros2MsgSchema.Parse("p/msg/V", text);

        LogFormatException ex = Assert.Throws<LogFormatException>(() => CdrSerializer.Serialize(schema, JsonNode.Parse(json)!.AsObject()));

        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
        Assert.Contains("field 'a", ex.Message, StringComparison.Ordinal);
    }
}
