using MultiRate.Logs.Abstractions;
using MultiRate.Logs.Decoding;
using Xunit;

namespace MultiRate.Logs.Tests.Decoding;

public sealed class Ros2MsgSchemaTests
{
    [Fact]
    public void Parse_Imu_ResolvesAllDependencies()
    {
        Ros2MsgSchema schema = Ros2MsgSchema.Parse("sensor_msgs/msg/Imu", RosDefinitions.Imu);

        Assert.Equal(
            ["header", "orientation", "orientation_covariance", "angular_velocity", "angular_velocity_covariance", "linear_acceleration", "linear_acceleration_covariance"],
            schema.FieldNames);
        Assert.Equal(
            ["builtin_interfaces/msg/Time", "geometry_msgs/msg/Quaternion", "geometry_msgs/msg/Vector3", "sensor_msgs/msg/Imu", "std_msgs/msg/Header"],
            schema.TypeNames);
        Ros2MsgField cov = schema.Root.Fields[2];
        Assert.Equal(Ros2ArrayKind.Fixed, cov.Type.ArrayKind);
        Assert.Equal(9, cov.Type.ArrayLength);
        Assert.Equal(Ros2Primitive.Float64, cov.Type.Primitive);
        Assert.Same(schema.Types["geometry_msgs/msg/Quaternion"], schema.Root.Fields[1].Type.Nested);
    }

    [Fact]
    public void Parse_QuaternionDefaults_AreIgnoredButFieldsKept()
    {
        Ros2MsgSchema schema = Ros2MsgSchema.Parse("geometry_msgs/msg/Quaternion", RosDefinitions.Quaternion);

        Assert.Equal(["x", "y", "z", "w"], schema.FieldNames);
    }

    [Fact]
    public void Parse_NavSatFix_ResolvesShortNameInSamePackageAndReadsConstants()
    {
        Ros2MsgSchema schema = Ros2MsgSchema.Parse("sensor_msgs/msg/NavSatFix", RosDefinitions.NavSatFix);

        Ros2MsgType status = schema.Types["sensor_msgs/msg/NavSatStatus"];
        Assert.Same(status, schema.Root.Fields[1].Type.Nested);
        Assert.Equal(["status", "service"], status.Fields.Select(f => f.Name));
        Assert.Contains(new Ros2MsgConstant("STATUS_NO_FIX", Ros2Primitive.Int8, "-1"), status.Constants);
        Assert.Contains(new Ros2MsgConstant("SERVICE_COMPASS", Ros2Primitive.UInt16, "4"), status.Constants);
        Assert.Equal(4, schema.Root.Constants.Count);
        Assert.Equal("position_covariance_type", schema.Root.Fields[^1].Name);
    }

    [Fact]
    public void Parse_ArrayAndBoundedForms_AreRecognized()
    {
        const string text = """
            int32[3] fixed
            int32[<=5] bounded
            int32[] unbounded
            string<=10 short_text
            string<=4[<=2] names
            wstring wide
            string GREETING="hello # not a comment"  # a comment
            """;

        Ros2MsgSchema schema = Ros2MsgSchema.Parse("test_msgs/msg/Arrays", text);

        List<Ros2MsgField> f = schema.Root.Fields;
        Assert.Equal((Ros2ArrayKind.Fixed, 3), (f[0].Type.ArrayKind, f[0].Type.ArrayLength));
        Assert.Equal((Ros2ArrayKind.Bounded, 5), (f[1].Type.ArrayKind, f[1].Type.ArrayLength));
        Assert.Equal(Ros2ArrayKind.Unbounded, f[2].Type.ArrayKind);
        Assert.Equal((Ros2Primitive.String, 10, Ros2ArrayKind.None), (f[3].Type.Primitive, f[3].Type.StringBound, f[3].Type.ArrayKind));
        Assert.Equal((4, Ros2ArrayKind.Bounded, 2), (f[4].Type.StringBound, f[4].Type.ArrayKind, f[4].Type.ArrayLength));
        Assert.Equal(Ros2Primitive.WString, f[5].Type.Primitive);
        Assert.Equal("hello # not a comment", Assert.Single(schema.Root.Constants).Value);
    }

    [Fact]
    public void Parse_HeaderAndTimeShorthandsWithoutDefinitions_UseWellKnownTypes()
    {
        Ros2MsgSchema schema = Ros2MsgSchema.Parse("my_pkg/Stamped", "Header header\nduration age\nTime t\n");

        Assert.Equal("my_pkg/msg/Stamped", schema.Root.FullName);
        Assert.Equal("std_msgs/msg/Header", schema.Root.Fields[0].Type.Nested!.FullName);
        Assert.Equal("builtin_interfaces/msg/Duration", schema.Root.Fields[1].Type.Nested!.FullName);
        Assert.Equal("builtin_interfaces/msg/Time", schema.Root.Fields[2].Type.Nested!.FullName);
        Assert.Equal(["sec", "nanosec"], schema.Types["builtin_interfaces/msg/Time"].Fields.Select(f => f.Name));
    }

    [Fact]
    public void Parse_UnknownType_NamesSchemaLineAndType()
    {
        const string text = "# comment\nfloat64 a\nFoo bar\n";

        LogFormatException ex = Assert.Throws<LogFormatException>(() => Ros2MsgSchema.Parse("my_pkg/msg/Thing", text, "rec.mcap"));

        Assert.Contains("rec.mcap", ex.Message, StringComparison.Ordinal);
        Assert.Contains("ros2msg schema 'my_pkg/msg/Thing' line 3", ex.Message, StringComparison.Ordinal);
        Assert.Contains("'Foo' is not defined", ex.Message, StringComparison.Ordinal);
        Assert.Contains("field 'bar'", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("int32[x] a", "positive integer length")]
    [InlineData("int32[0] a", "positive integer length")]
    [InlineData("int32[3 a", "array type")]
    [InlineData("float64<=3 a", "only on string")]
    [InlineData("float64", "a field 'type name'")]
    [InlineData("float64 9a", "name starting with a letter")]
    [InlineData("float64[] K=1", "primitive, non-array type for constant")]
    [InlineData("float64 a\nfloat64 a", "declared twice")]
    [InlineData("float64 a\n===\nfloat64 b", "'MSG: pkg/msg/Type' header")]
    public void Parse_MalformedLine_ThrowsWithExpectation(string text, string expected)
    {
        LogFormatException ex = Assert.Throws<LogFormatException>(() => Ros2MsgSchema.Parse("p/msg/T", text));

        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
        Assert.Contains("line", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_BadSchemaName_Throws()
    {
        LogFormatException ex = Assert.Throws<LogFormatException>(() => Ros2MsgSchema.Parse("Imu", "float64 a"));

        Assert.Contains("pkg/msg/Type", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_RecursiveType_Throws()
    {
        LogFormatException ex = Assert.Throws<LogFormatException>(() => Ros2MsgSchema.Parse("p/msg/Node", "Node child\n"));

        Assert.Contains("contains itself", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_DuplicateSection_KeepsFirstDefinition()
    {
        string text = "p/Inner a\n===\nMSG: p/Inner\nint32 x\n===\nMSG: p/msg/Inner\nint32 y\n";

        Ros2MsgSchema schema = Ros2MsgSchema.Parse("p/msg/Outer", text);

        Assert.Equal("x", Assert.Single(schema.Types["p/msg/Inner"].Fields).Name);
    }
}
