using MultiRate.Logs.Abstractions;
using MultiRate.Logs.Csv;
using MultiRate.Logs.Tests.ULog;
using Xunit;

namespace MultiRate.Logs.Tests.Csv;

/// <summary>The x-io Fusion IMU recording: 13514 rows, time in seconds, nine sensor columns.</summary>
public sealed class CsvSensorDataTests : IDisposable
{
    private static readonly string DataPath = RepoPaths.TestData("xio-fusion-imu", "sensor_data.csv");
    private readonly CsvSensorLog _log = CsvSensorLog.Open(DataPath);

    public void Dispose() => _log.Dispose();

    [Fact]
    public void Open_SensorData_FindsTimeColumnAndNineFieldsByExactHeader()
    {
        Assert.Equal("csv", _log.Format);
        Assert.Equal("sensor_data", _log.Topic);
        Assert.Equal("Time (s)", _log.TimeColumn);
        Assert.Equal(9, _log.Fields.Count);
        Assert.Equal("Gyroscope X (deg/s)", _log.Fields[0]);
        Assert.Equal("Magnetometer Z (uT)", _log.Fields[^1]);
        Assert.Empty(_log.IgnoredColumns);
    }

    [Fact]
    public void Topics_SensorData_CountAndTimeSpan()
    {
        LogTopicInfo topic = Assert.Single(_log.Topics);
        Assert.Equal(new LogTopicInfo("sensor_data", 13514, 0, 135_326_642_000, "csv", ""), topic);
        Assert.InRange(topic.Hz, 99, 101);
    }

    [Fact]
    public void ReadMessages_SensorData_DecodesKnownRows()
    {
        List<LogMessage> messages = [.. _log.ReadMessages()];

        Assert.Equal(13514, messages.Count);
        Assert.Equal(0.01644619, messages[0].Data["Gyroscope X (deg/s)"]!.GetValue<double>());
        Assert.Equal(-41.06483, messages[0].Data["Magnetometer Z (uT)"]!.GetValue<double>());
        Assert.Equal(10_078_907, messages[1].LogTimeNs);
        Assert.Equal(135_316_562_700, messages[^2].LogTimeNs);
        Assert.Equal(5.40E-05, messages[^2].Data["Accelerometer X (g)"]!.GetValue<double>());
        Assert.Equal(9, messages[^1].Data.Count);
        Assert.All(messages, m => Assert.Equal("sensor_data", m.Topic));
    }

    [Fact]
    public void ReadMessages_TimeRange_KeepsRowsInside()
    {
        List<LogMessage> messages = [.. _log.ReadMessages(startNs: 10_000_000_000, endNs: 11_000_000_000)];

        Assert.InRange(messages.Count, 95, 105);
        Assert.All(messages, m => Assert.InRange(m.LogTimeNs, 10_000_000_000, 11_000_000_000));
    }

    [Fact]
    public void ReadMessages_OtherTopic_YieldsNothing()
    {
        Assert.Empty(_log.ReadMessages(["imu"]));
        Assert.NotEmpty(_log.ReadMessages(["sensor_data"]).Take(1));
    }
}
