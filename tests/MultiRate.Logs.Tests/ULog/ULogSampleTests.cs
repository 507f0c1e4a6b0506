using System.Globalization;
using MultiRate.Logs.Abstractions;
using MultiRate.Logs.ULog;
using Xunit;

namespace MultiRate.Logs.Tests.ULog;

/// <summary>The real PX4 flight log from pyulog's tests, checked against pyulog's own output.</summary>
public sealed class ULogSampleTests : IDisposable
{
    private static readonly string SamplePath = RepoPaths.TestData("px4-ulog-pyulog", "sample.ulg");
    private readonly PyulogExpectations _expected = PyulogExpectations.Load();
    private readonly ULogFile _file = ULogFile.Open(SamplePath);

    public void Dispose() => _file.Dispose();

    [Fact]
    public void Expectations_Parsed_HaveEveryTopicAndInfo()
    {
        // Guards the parser of sample_info.txt itself: an empty parse would make the checks below vacuous.
        Assert.Equal(15, _expected.Topics.Count);
        Assert.Equal(4, _expected.Info.Count);
        Assert.NotEqual("", _expected.StartTime);
    }

    [Fact]
    public void Topics_Sample_CountsEqualPyulog()
    {
        Dictionary<string, long> actual = _file.Topics.ToDictionary(t => t.Name, t => t.Count);
        Dictionary<string, long> expected = _expected.Topics.ToDictionary(kv => kv.Key, kv => kv.Value.Count);
        Assert.Equal(expected.OrderBy(kv => kv.Key), actual.OrderBy(kv => kv.Key));
    }

    [Fact]
    public void Topics_Sample_EncodingAndSchemaNameTheFormat()
    {
        LogTopicInfo sensors = Assert.Single(_file.Topics, t => t.Name == "sensor_combined/0");
        Assert.Equal("ulog", sensors.Encoding);
        Assert.Equal("sensor_combined", sensors.Schema);
        Assert.InRange(sensors.Hz, 240, 255);
    }

    [Fact]
    public void Formats_Sample_MessageSizesEqualPyulog()
    {
        var compiler = new ULogFormatCompiler(_file.Formats, SamplePath);
        foreach ((string topic, (int size, long _)) in _expected.Topics)
        {
            string format = topic[..topic.LastIndexOf('/')];
            Assert.True(size == compiler.Compile(format, 0).MinSize, $"{topic}: size {compiler.Compile(format, 0).MinSize}, pyulog {size}");
        }
    }

    [Fact]
    public void Info_Sample_EqualsPyulog()
    {
        Assert.Equal(_expected.Info.Keys.Order(), _file.Info.Keys.Order());
        foreach ((string key, string value) in _expected.Info)
        {
            string actual = _file.Info[key].GetValueKind() == System.Text.Json.JsonValueKind.String
                ? _file.Info[key].GetValue<string>()
                : _file.Info[key].ToJsonString();
            Assert.Equal(value, actual);
        }

        Assert.Equal("AUAV_X21", _file.Info["ver_hw"].GetValue<string>());
    }

    [Fact]
    public void StartAndDuration_Sample_EqualPyulog()
    {
        Assert.Equal(_expected.StartTime, Hms(_file.StartTimestampUs));
        Assert.Equal(_expected.Duration, Hms(_file.LastTimestampUs - _file.StartTimestampUs));
        Assert.Equal(_file.LastTimestampUs - _file.StartTimestampUs, (ulong)(_file.Duration.Ticks / 10));
    }

    [Fact]
    public void Dropouts_Sample_EqualPyulog()
    {
        Assert.Equal(_expected.DropoutCount, _file.Dropouts.Count);
        Assert.Equal(_expected.DropoutMaxMs, _file.Dropouts.Max(d => d.DurationMs));
        Assert.Equal(_expected.DropoutMeanMs, _file.Dropouts.Sum(d => d.DurationMs) / _file.Dropouts.Count);
    }

    [Fact]
    public void LoggedMessages_Sample_EqualPyulogMessages()
    {
        string[] expected = File.ReadAllLines(RepoPaths.TestData("px4-ulog-pyulog", "sample_messages.txt"));
        string[] actual = [.. _file.LoggedMessages.Select(m => $"{Hms(m.TimestampUs)} {m.LevelName}: {m.Text}")];
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void Parameters_Sample_HaveInitialValuesAndChanges()
    {
        Assert.NotEmpty(_file.Parameters);
        Assert.All(_file.ChangedParameters, c => Assert.InRange(c.TimestampUs, _file.StartTimestampUs, _file.LastTimestampUs));
    }

    [Fact]
    public void ReadMessages_AllTopics_CountsMatchTopicsAndTimesStayInRange()
    {
        var counts = new Dictionary<string, long>();
        foreach (LogMessage m in _file.ReadMessages())
        {
            counts[m.Topic] = counts.GetValueOrDefault(m.Topic) + 1;
        }

        Assert.Equal(_file.Topics.ToDictionary(t => t.Name, t => t.Count).OrderBy(kv => kv.Key), counts.OrderBy(kv => kv.Key));
    }

    [Fact]
    public void ReadMessages_OneTopic_DecodesFieldsInTimeOrder()
    {
        LogTopicInfo info = Assert.Single(_file.Topics, t => t.Name == "sensor_combined/0");
        List<LogMessage> messages = [.. _file.ReadMessages(["sensor_combined/0"])];

        Assert.Equal(info.Count, messages.Count);
        Assert.Equal(info.FirstNs, messages[0].LogTimeNs);
        Assert.Equal(info.LastNs, messages[^1].LogTimeNs);
        Assert.All(messages.Zip(messages.Skip(1)), p => Assert.True(p.First.LogTimeNs <= p.Second.LogTimeNs));
        LogMessage first = messages[0];
        Assert.Equal((ulong)first.LogTimeNs / 1000, first.Data["timestamp"]!.GetValue<ulong>());
        Assert.Equal(3, first.Data["gyro_rad"]!.AsArray().Count);
        float az = first.Data["accelerometer_m_s2"]![2]!.GetValue<float>();
        Assert.InRange(az, -11f, -8.5f); // gravity, resting before take-off
        Assert.DoesNotContain(first.Data, kv => kv.Key.StartsWith("_padding", StringComparison.Ordinal));
    }

    [Fact]
    public void ReadMessages_TimeRange_KeepsOnlyMessagesInside()
    {
        long start = _file.Topics.Single(t => t.Name == "vehicle_attitude/0").FirstNs + 10_000_000_000;
        long end = start + 1_000_000_000;
        List<LogMessage> messages = [.. _file.ReadMessages(["vehicle_attitude/0"], start, end)];

        Assert.InRange(messages.Count, 80, 110); // ~94 Hz for one second
        Assert.All(messages, m => Assert.InRange(m.LogTimeNs, start, end));
    }

    [Fact]
    public void ReadMessages_Sample_EveryTopicButTheStuckClockIsInTimeOrder()
    {
        // commander_state in this log repeats one stale timestamp (2.07 s), so it cannot be ordered;
        // every other topic must come out sorted.
        long last = long.MinValue;
        foreach (LogMessage m in _file.ReadMessages().Where(m => m.Topic != "commander_state/0"))
        {
            Assert.True(m.LogTimeNs >= last, $"{m.Topic} at {m.LogTimeNs} after {last}");
            last = m.LogTimeNs;
        }
    }

    [Fact]
    public void ULogSensorLog_Sample_AdaptsTheFile()
    {
        using ISensorLog log = ULogSensorLog.Open(SamplePath);
        Assert.Equal("ulog", log.Format);
        Assert.Equal(SamplePath, log.Path);
        Assert.Equal(_file.Topics, log.Topics);
        Assert.Equal(_file.Topics.Single(t => t.Name == "cpuload/0").Count, log.ReadMessages(["cpuload/0"]).Count());
    }

    private static string Hms(ulong us)
    {
        ulong s = us / 1_000_000;
        return string.Create(CultureInfo.InvariantCulture, $"{s / 3600}:{s / 60 % 60:00}:{s % 60:00}");
    }
}
