using System.Text;
using System.Text.Json.Nodes;
using MultiRate.Logs.Abstractions;
using MultiRate.Logs.Decoding;
using Xunit;

namespace MultiRate.Logs.Tests.Decoding;

public sealed class MessageDecoderTests
{
    [Theory]
    [InlineData("cdr", "ros2msg", true)]
    [InlineData("cdr", "omgidl", false)]
    [InlineData("json", "ros2msg", false)]
    public void CdrCanDecode_EncodingPairs_AcceptsOnlyCdrWithRos2Msg(string message, string schema, bool expected) =>
        Assert.Equal(expected, CdrMessageDecoder.CanDecode(message, schema));

    [Theory]
    [InlineData("json", "jsonschema", true)]
    [InlineData("json", "", true)]
    [InlineData("cdr", "jsonschema", false)]
    [InlineData("json", "protobuf", false)]
    public void JsonCanDecode_EncodingPairs_AcceptsJsonWithJsonSchemaOrNone(string message, string schema, bool expected) =>
        Assert.Equal(expected, JsonMessageDecoder.CanDecode(message, schema));

    [Fact]
    public void CdrDecode_SameSchemaTwice_ParsesOnceAndReparsesWhenTextChanges()
    {
        var decoder = new CdrMessageDecoder("log.mcap");
        byte[] twistText = Encoding.UTF8.GetBytes(RosDefinitions.Twist);

        Ros2MsgSchema first = decoder.GetSchema("geometry_msgs/msg/Twist", twistText);
        Ros2MsgSchema second = decoder.GetSchema("geometry_msgs/msg/Twist", twistText);
        Ros2MsgSchema changed = decoder.GetSchema("geometry_msgs/msg/Twist", Encoding.UTF8.GetBytes("float64 speed\n"));

        Assert.Same(first, second);
        Assert.Equal(["speed"], changed.FieldNames);
    }

    [Fact]
    public void CdrDecode_TwistPayload_DecodesAndNamesPathOnError()
    {
        var decoder = new CdrMessageDecoder("log.mcap");
        byte[] text = Encoding.UTF8.GetBytes(RosDefinitions.Twist);
        byte[] payload = new HandBytes(48).F64(40, 0.75).Bytes;

        JsonObject twist = decoder.Decode("geometry_msgs/msg/Twist", text, payload);
        LogFormatException ex = Assert.Throws<LogFormatException>(() => decoder.Decode("geometry_msgs/msg/Twist", text, payload[..20]));

        Assert.Equal(0.75, twist["angular"]!["z"]!.GetValue<double>());
        Assert.Contains("log.mcap", ex.Message, StringComparison.Ordinal);
        Assert.Contains("linear.z", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void JsonDecode_Object_ReturnsFields()
    {
        JsonObject obj = JsonMessageDecoder.Decode("""{"x":1.5,"v":[1,2]}"""u8);

        Assert.Equal(1.5, obj["x"]!.GetValue<double>());
        Assert.Equal(2, obj["v"]!.AsArray().Count);
    }

    [Theory]
    [InlineData("[1,2]", "a JSON object, not Array")]
    [InlineData("42", "a JSON object, not Number")]
    [InlineData("null", "a JSON object, not null")]
    [InlineData("{\"x\":", "valid JSON")]
    [InlineData("", "valid JSON")]
    public void JsonDecode_NotAnObject_ThrowsNamingFileAndTopic(string text, string expected)
    {
        LogFormatException ex = Assert.Throws<LogFormatException>(() => JsonMessageDecoder.Decode(Encoding.UTF8.GetBytes(text), "a.mcap", "/pose"));

        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
        Assert.Contains("a.mcap", ex.Message, StringComparison.Ordinal);
        Assert.Contains("'/pose'", ex.Message, StringComparison.Ordinal);
    }
}
