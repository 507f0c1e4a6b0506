using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;
using MultiRate.Logs.Decoding;

namespace MultiRate.Benchmarks;

/// <summary>ROS 2 CDR decode of one <c>sensor_msgs/msg/Imu</c> message (the replay path's per-message cost).</summary>
[MemoryDiagnoser]
public class CdrDecodeBenchmarks
{
    /// <summary>sensor_msgs/msg/Imu with its dependencies, as ROS 2 stores it in MCAP.</summary>
    public const string ImuDefinition = """
        std_msgs/Header header
        geometry_msgs/Quaternion orientation
        float64[9] orientation_covariance
        geometry_msgs/Vector3 angular_velocity
        float64[9] angular_velocity_covariance
        geometry_msgs/Vector3 linear_acceleration
        float64[9] linear_acceleration_covariance
        ================================================================================
        MSG: std_msgs/Header
        builtin_interfaces/Time stamp
        string frame_id
        ================================================================================
        MSG: builtin_interfaces/Time
        int32 sec
        uint32 nanosec
        ================================================================================
        MSG: geometry_msgs/Quaternion
        float64 x
        float64 y
        float64 z
        float64 w
        ================================================================================
        MSG: geometry_msgs/Vector3
        float64 x
        float64 y
        float64 z
        """;

    private Ros2MsgSchema _schema = null!;
    private byte[] _message = null!;

    [GlobalSetup]
    public void Setup()
    {
        _schema = Ros2MsgSchema.Parse("sensor_msgs/msg/Imu", ImuDefinition);
        _message = CdrSerializer.Serialize(_schema, SampleImu(0));
    }

    [Benchmark]
    public JsonObject DecodeImu() => CdrSerializer.Deserialize(_schema, _message);

    /// <summary>An Imu message with plausible values.</summary>
    public static JsonObject SampleImu(int i) => new()
    {
        ["header"] = new JsonObject { ["stamp"] = new JsonObject { ["sec"] = i / 1000, ["nanosec"] = (uint)(i % 1000 * 1_000_000) }, ["frame_id"] = "imu_link" },
        ["orientation"] = new JsonObject { ["x"] = 0.01, ["y"] = -0.02, ["z"] = 0.7, ["w"] = 0.71 },
        ["orientation_covariance"] = Covariance(),
        ["angular_velocity"] = new JsonObject { ["x"] = 0.001 * i, ["y"] = 0.002, ["z"] = -0.003 },
        ["angular_velocity_covariance"] = Covariance(),
        ["linear_acceleration"] = new JsonObject { ["x"] = 0.1, ["y"] = -0.05, ["z"] = 9.81 },
        ["linear_acceleration_covariance"] = Covariance(),
    };

    private static JsonArray Covariance() => new(0.01, 0.0, 0.0, 0.0, 0.01, 0.0, 0.0, 0.0, 0.01);
}
