using MultiRate.Logs.Abstractions;
using MultiRate.Logs.Conversion;
using MultiRate.Logs.Mcap;
using MultiRate.Logs.Tests.ULog;
using Xunit;

namespace MultiRate.Logs.Tests.Conversion;

public sealed class ULogToMcapTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("multirate-convert-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Convert_SampleLog_McapHoldsTheSameMessagesAsCdr()
    {
        string ulg = RepoPaths.TestData("px4-ulog-pyulog", "sample.ulg");
        string mcap = Path.Combine(_dir, "sample.mcap");
        long written;
        using (FileStream output = File.Create(mcap))
        {
            written = ULogToMcap.Convert(ulg, output, new McapWriterOptions { Compression = McapCompression.Lz4 });
        }

        using ISensorLog source = SensorLogs.Open(ulg);
        using ISensorLog converted = SensorLogs.Open(mcap);
        List<LogMessage> expected = [.. source.ReadMessages()];
        List<LogMessage> actual = [.. converted.ReadMessages()];

        Assert.Equal(expected.Count, written);
        Assert.Equal(expected.Count, actual.Count);
        Assert.All(converted.Topics, t => Assert.Equal("cdr", t.Encoding));
        Assert.Contains(converted.Topics, t => t.Name == "/sensor_combined/0" && t.Schema == "px4_msgs/msg/SensorCombined");
        LogMessage first = expected.First(m => m.Topic == "sensor_combined/0");
        LogMessage same = actual.First(m => m.Topic == "/sensor_combined/0");
        Assert.Equal(first.LogTimeNs, same.LogTimeNs);
        Assert.Equal(first.Data["gyro_rad"]!.ToJsonString(), same.Data["gyro_rad"]!.ToJsonString());
    }
}
