using System.Text.Json.Nodes;
using CsCheck;
using MultiRate.Logs.Decoding;
using Xunit;

namespace MultiRate.Logs.Tests.Decoding;

public sealed class CdrRoundTripTests
{
    public static TheoryData<string, string, string, CdrEndianness> Messages()
    {
        var data = new TheoryData<string, string, string, CdrEndianness>();
        (string Name, string Text, string Json)[] messages =
        [
            ("sensor_msgs/msg/Imu", RosDefinitions.Imu,
                """{"header":{"stamp":{"sec":12,"nanosec":500000000},"frame_id":"imu"},"orientation":{"x":0,"y":0,"z":0.7071067811865476,"w":0.7071067811865476},"orientation_covariance":[1,0,0,0,1,0,0,0,1],"angular_velocity":{"x":0.01,"y":-0.02,"z":0.5},"angular_velocity_covariance":[0,0,0,0,0,0,0,0,0],"linear_acceleration":{"x":0.1,"y":0.2,"z":9.80665},"linear_acceleration_covariance":[-1,0,0,0,0,0,0,0,0]}"""),
            ("sensor_msgs/msg/JointState", RosDefinitions.JointState,
                """{"header":{"stamp":{"sec":-3,"nanosec":1},"frame_id":""},"name":["shoulder","elbow","wrist_1"],"position":[0.1,-1.2,3.14],"velocity":[],"effort":[0.001,2.5,-7]}"""),
            ("geometry_msgs/msg/Twist", RosDefinitions.Twist,
                """{"linear":{"x":1,"y":0,"z":0},"angular":{"x":0,"y":0,"z":-0.25}}"""),
            ("geometry_msgs/msg/PoseStamped", RosDefinitions.PoseStamped,
                """{"header":{"stamp":{"sec":2147483647,"nanosec":999999999},"frame_id":"map"},"pose":{"position":{"x":1.5,"y":-2,"z":0},"orientation":{"x":0,"y":0,"z":0,"w":1}}}"""),
            ("sensor_msgs/msg/NavSatFix", RosDefinitions.NavSatFix,
                """{"header":{"stamp":{"sec":1,"nanosec":2},"frame_id":"gps"},"status":{"status":-1,"service":5},"latitude":48.8584,"longitude":2.2945,"altitude":35.5,"position_covariance":[1,0,0,0,1,0,0,0,4],"position_covariance_type":2}"""),
        ];
        foreach ((string name, string text, string json) in messages)
        {
            data.Add(name, text, json, CdrEndianness.LittleEndian);
            data.Add(name, text, json, CdrEndianness.BigEndian);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Messages))]
    public void SerializeThenDeserialize_CommonMessages_GivesBackTheSameValues(string name, string text, string json, CdrEndianness endianness)
    {
        var schema = Ros2MsgSchema.Parse(name, text);
        var message = JsonNode.Parse(json)!.AsObject();

        byte[] bytes = CdrSerializer.Serialize(schema, message, endianness);
        JsonObject decoded = CdrSerializer.Deserialize(schema, bytes);

        Assert.Equal(endianness == CdrEndianness.LittleEndian ? 1 : 0, bytes[1]);
        Assert.Equal(json, decoded.ToJsonString());
        Assert.Equal(bytes, CdrSerializer.Serialize(schema, decoded, endianness));
    }

    [Fact]
    public void Serialize_SameMessageBothEndiannesses_DiffersOnlyInByteOrder()
    {
        var schema = Ros2MsgSchema.Parse("geometry_msgs/msg/Twist", RosDefinitions.Twist);
        var twist = JsonNode.Parse("""{"linear":{"x":1}}""")!.AsObject();

        byte[] le = CdrSerializer.Serialize(schema, twist);
        byte[] be = CdrSerializer.Serialize(schema, twist, CdrEndianness.BigEndian);

        Assert.Equal(52, le.Length);
        Assert.Equal(le[4..12], be[4..12].Reverse());
        Assert.NotEqual(le, be);
    }

    [Fact]
    public void SerializeThenDeserialize_StringsAndExtremes_RoundTrip()
    {
        const string text = "wstring w\nstring<=8 b\nstring<=3[<=2] names\nint64 lo\nuint64 hi\nfloat32 f\nbool t\nchar c\nbyte y\nint8 n\n";
        var schema = Ros2MsgSchema.Parse("p/msg/Edge", text);
        var message = new JsonObject
        {
            ["w"] = "h\u00e9llo \u4e16\u754c",
            ["b"] = "\u00e9t\u00e9",
            ["names"] = new JsonArray("ab", "c"),
            ["lo"] = long.MinValue,
            ["hi"] = ulong.MaxValue,
            ["f"] = 0.1f,
            ["t"] = true,
            ["c"] = 65,
            ["y"] = 255,
            ["n"] = -128,
        };

        foreach (CdrEndianness e in new[] { CdrEndianness.LittleEndian, CdrEndianness.BigEndian })
        {
            JsonObject decoded = CdrSerializer.Deserialize(schema, CdrSerializer.Serialize(schema, message, e));

            Assert.Equal(message.ToJsonString(), decoded.ToJsonString());
            Assert.Equal(0.1f, decoded["f"]!.GetValue<float>());
        }
    }

    [Fact]
    public void SerializeThenDeserialize_RandomJointStates_RoundTripBitExact()
    {
        var schema = Ros2MsgSchema.Parse("sensor_msgs/msg/JointState", RosDefinitions.JointState);
        Gen.Select(Gen.Int, Gen.UInt, Gen.String, Gen.String.Array[0, 4], Gen.Double.Array[0, 6], Gen.Double.Array[0, 6], Gen.Bool)
            .Sample((sec, nanosec, frame, names, position, effort, big) =>
            {
                var message = new JsonObject
                {
                    ["header"] = new JsonObject { ["stamp"] = new JsonObject { ["sec"] = sec, ["nanosec"] = nanosec }, ["frame_id"] = frame },
                    ["name"] = new JsonArray([.. names.Select(n => (JsonNode)n)]),
                    ["position"] = new JsonArray([.. position.Select(p => (JsonNode)p)]),
                    ["effort"] = new JsonArray([.. effort.Select(p => (JsonNode)p)]),
                };
                byte[] bytes = CdrSerializer.Serialize(schema, message, big ? CdrEndianness.BigEndian : CdrEndianness.LittleEndian);

                JsonObject decoded = CdrSerializer.Deserialize(schema, bytes);

                Assert.Equal(sec, decoded["header"]!["stamp"]!["sec"]!.GetValue<long>());
                Assert.Equal(nanosec, decoded["header"]!["stamp"]!["nanosec"]!.GetValue<long>());
                Assert.Equal(frame, decoded["header"]!["frame_id"]!.GetValue<string>());
                Assert.Equal(names, decoded["name"]!.AsArray().Select(n => n!.GetValue<string>()));
                Assert.Equal(position.Select(BitConverter.DoubleToInt64Bits), decoded["position"]!.AsArray().Select(n => BitConverter.DoubleToInt64Bits(n!.GetValue<double>())));
                Assert.Empty(decoded["velocity"]!.AsArray());
                Assert.Equal(effort.Length, decoded["effort"]!.AsArray().Count);
                Assert.Equal(bytes, CdrSerializer.Serialize(schema, decoded, big ? CdrEndianness.BigEndian : CdrEndianness.LittleEndian));
            }, iter: 200);
    }
}
