using System.Text;
using System.Text.Json.Nodes;
using MultiRate.Core.Errors;
using MultiRate.Logs.Decoding;
using MultiRate.Logs.Mcap;
using MultiRate.Logs.Replay;
using MultiRate.Logs.Tests.Decoding;
using MultiRate.Logs.Tests.ULog;
using Xunit;

namespace MultiRate.Logs.Tests;

public class SensorLogsTests
{
    [Theory]
    [InlineData("px4-ulog-pyulog/sample.ulg", "ulog")]
    [InlineData("xio-fusion-imu/sensor_data.csv", "csv")]
    [InlineData("mcap-conformance/OneMessage/OneMessage.mcap", "mcap")]
    public void Open_ShippedLog_PicksReaderByMagic(string relative, string format)
    {
        using var log = SensorLogs.Open(RepoPaths.TestData(relative));
        Assert.Equal(format, log.Format);
    }

    [Fact]
    public void Open_UnknownFormat_ExplainsWhatIsSupported()
    {
        string path = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N") + ".bin");
        File.WriteAllText(path, "hello");
        var ex = Assert.Throws<UserInputException>(() => SensorLogs.Open(path));
        Assert.Contains("expected MCAP", ex.Message);
        Assert.Contains(path, ex.Message);
    }

    [Fact]
    public void Open_McapWithCdrImu_DecodesAndBindsFieldPaths()
    {
        var schema = Ros2MsgSchema.Parse("sensor_msgs/msg/Imu", RosDefinitions.Imu);
        string path = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N") + ".mcap");
        using (var writer = new McapWriter(File.Create(path)))
        {
            ushort s = writer.AddSchema("sensor_msgs/msg/Imu", "ros2msg", Encoding.UTF8.GetBytes(RosDefinitions.Imu));
            ushort c = writer.AddChannel(s, "/imu", "cdr");
            for (uint i = 0; i < 10; i++)
            {
                var msg = new JsonObject { ["angular_velocity"] = new JsonObject { ["x"] = i * 0.5, ["y"] = 0.0, ["z"] = 0.0 } };
                writer.WriteMessage(c, i, 1_000_000_000UL + (i * 10_000_000UL), 0, CdrSerializer.Serialize(schema, msg));
            }
        }

        using var log = SensorLogs.Open(path);
        Assert.Equal("sensor_msgs/msg/Imu", log.Topics.Single().Schema);
        Assert.Equal(10, log.Topics.Single().Count);
        using var source = ReplaySensorSource.FromLog(log, ["/imu.angular_velocity.x"]);
        Span<float> obs = stackalloc float[1];
        Assert.True(source.Read(1_035_000_000, obs)); // held value of the message at 1.03 s
        Assert.Equal(1.5f, obs[0]);
    }
}
