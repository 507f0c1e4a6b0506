using System.Text.Json.Nodes;
using MultiRate.Logs.Decoding;
using Xunit;

namespace MultiRate.Logs.Tests.Decoding;

/// <summary>Decoding and encoding checked against byte vectors whose layout is written out by hand.</summary>
public sealed class CdrHandBuiltTests
{
    private static readonly Ros2MsgSchema ImuSchema = Ros2MsgSchema.Parse("sensor_msgs/msg/Imu", RosDefinitions.Imu);

    private const string MixedText = """
        uint8 a
        float64 b
        uint8 c
        uint16 d
        uint8 e
        uint32 f
        string s
        uint64 g
        bool h
        int16[2] i
        float32 j
        """;

    /// <summary>
    /// sensor_msgs/Imu with frame_id "imu_link": the 9-byte string ends at body offset 21, so the
    /// first float64 is padded to 24 (alignment counts from the end of the header, not the buffer).
    /// </summary>
    internal static byte[] HandBuiltImu()
    {
        var b = new HandBytes(320)
            .I32(0, 1_700_000_000).U32(4, 123_456_789)
            .Str(8, "imu_link")
            .F64(24, 0.1).F64(32, 0.2).F64(40, 0.3).F64(48, 0.9)
            .F64(128, 1.5).F64(136, -2.5).F64(144, 3.25)
            .F64(224, 0).F64(232, 0).F64(240, 9.81);
        for (int k = 0; k < 9; k++)
        {
            b.F64(56 + (8 * k), k + 1).F64(152 + (8 * k), 0.01 * k).F64(248 + (8 * k), -1);
        }

        return b.Bytes;
    }

    [Fact]
    public void Deserialize_HandBuiltImu_ReadsKnownValues()
    {
        JsonObject imu = CdrSerializer.Deserialize(ImuSchema, HandBuiltImu());

        Assert.Equal(1_700_000_000L, imu["header"]!["stamp"]!["sec"]!.GetValue<long>());
        Assert.Equal(123_456_789L, imu["header"]!["stamp"]!["nanosec"]!.GetValue<long>());
        Assert.Equal("imu_link", imu["header"]!["frame_id"]!.GetValue<string>());
        Assert.Equal([0.1, 0.2, 0.3, 0.9], new[] { "x", "y", "z", "w" }.Select(k => imu["orientation"]![k]!.GetValue<double>()));
        Assert.Equal([1.0, 2, 3, 4, 5, 6, 7, 8, 9], imu["orientation_covariance"]!.AsArray().Select(n => n!.GetValue<double>()));
        Assert.Equal(-2.5, imu["angular_velocity"]!["y"]!.GetValue<double>());
        Assert.Equal(3.25, imu["angular_velocity"]!["z"]!.GetValue<double>());
        Assert.Equal(0.08, imu["angular_velocity_covariance"]![8]!.GetValue<double>());
        Assert.Equal(9.81, imu["linear_acceleration"]!["z"]!.GetValue<double>());
        Assert.All(imu["linear_acceleration_covariance"]!.AsArray(), n => Assert.Equal(-1.0, n!.GetValue<double>()));
    }

    [Fact]
    public void Serialize_ImuValues_EqualsHandBuiltBytes()
    {
        JsonObject imu = CdrSerializer.Deserialize(ImuSchema, HandBuiltImu());
        var rebuilt = JsonNode.Parse(imu.ToJsonString())!.AsObject();

        byte[] bytes = CdrSerializer.Serialize(ImuSchema, rebuilt);

        Assert.Equal(HandBuiltImu(), bytes);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Deserialize_HandBuiltMixedAlignment_ReadsEveryField(bool bigEndian)
    {
        byte[] bytes = HandBuiltMixed(bigEndian);

        JsonObject m = CdrSerializer.Deserialize(Ros2MsgSchema.Parse("p/msg/Mixed", MixedText), bytes);

        Assert.Equal(
            """{"a":170,"b":-0.5,"c":7,"d":65534,"e":1,"f":4000000000,"s":"hi","g":18446744073709551615,"h":true,"i":[-2,300],"j":0.1}""",
            m.ToJsonString());
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Serialize_MixedAlignment_EqualsHandBuiltBytes(bool bigEndian)
    {
        var schema = Ros2MsgSchema.Parse("p/msg/Mixed", MixedText);
        JsonObject m = CdrSerializer.Deserialize(schema, HandBuiltMixed(bigEndian));

        byte[] bytes = CdrSerializer.Serialize(schema, m, bigEndian ? CdrEndianness.BigEndian : CdrEndianness.LittleEndian);

        Assert.Equal(HandBuiltMixed(bigEndian), bytes);
    }

    [Fact]
    public void Serialize_EmptyImu_WritesDefaultsWithEmptyFrameId()
    {
        byte[] bytes = CdrSerializer.Serialize(ImuSchema, []);

        // stamp 8 + length 4 + NUL 1 = 13, padded to 16, then 37 float64s (4 + 9 + 3 + 9 + 3 + 9).
        Assert.Equal(4 + 16 + (37 * 8), bytes.Length);
        Assert.Equal(1, bytes[4 + 8]);
        JsonObject imu = CdrSerializer.Deserialize(ImuSchema, bytes);
        Assert.Equal(string.Empty, imu["header"]!["frame_id"]!.GetValue<string>());
        Assert.Equal(0.0, imu["orientation"]!["w"]!.GetValue<double>());
    }

    [Fact]
    public void Deserialize_EmptyStructs_TakeOneByteEach()
    {
        var schema = Ros2MsgSchema.Parse("p/msg/Outer", "Empty[2] e\nuint8 after\n===\nMSG: p/Empty\n# nothing\n");
        byte[] bytes = new HandBytes(3).U8(2, 42).Bytes;

        JsonObject outer = CdrSerializer.Deserialize(schema, bytes);

        Assert.Equal("""{"e":[{},{}],"after":42}""", outer.ToJsonString());
        Assert.Equal(bytes, CdrSerializer.Serialize(schema, outer));
    }

    private static byte[] HandBuiltMixed(bool bigEndian) =>
        new HandBytes(60, bigEndian)
            .U8(0, 0xAA)
            .F64(8, -0.5)
            .U8(16, 7)
            .U16(18, 65534)
            .U8(20, 1)
            .U32(24, 4_000_000_000)
            .Str(28, "hi")
            .U64(40, ulong.MaxValue)
            .U8(48, 1)
            .U16(50, unchecked((ushort)-2)).U16(52, 300)
            .F32(56, 0.1f)
            .Bytes;
}
