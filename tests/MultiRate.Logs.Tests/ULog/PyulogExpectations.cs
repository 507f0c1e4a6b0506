using System.Globalization;
using System.Text.RegularExpressions;

namespace MultiRate.Logs.Tests.ULog;

/// <summary>What pyulog's <c>ulog_info</c> printed for sample.ulg (sample_info.txt), parsed.</summary>
internal sealed partial class PyulogExpectations
{
    private PyulogExpectations()
    {
    }

    public string StartTime { get; private set; } = "";

    public string Duration { get; private set; } = "";

    public int DropoutCount { get; private set; }

    public int DropoutMaxMs { get; private set; }

    public int DropoutMeanMs { get; private set; }

    public Dictionary<string, string> Info { get; } = [];

    /// <summary>Topic (<c>name/multi_id</c>) to (message size, count).</summary>
    public Dictionary<string, (int Size, long Count)> Topics { get; } = [];

    public static PyulogExpectations Load()
    {
        var result = new PyulogExpectations();
        bool inInfo = false;
        foreach (string line in File.ReadLines(RepoPaths.TestData("px4-ulog-pyulog", "sample_info.txt")))
        {
            Match m;
            if ((m = StartRegex().Match(line)).Success)
            {
                result.StartTime = m.Groups[1].Value;
                result.Duration = m.Groups[2].Value;
            }
            else if ((m = DropoutRegex().Match(line)).Success)
            {
                result.DropoutCount = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
                result.DropoutMaxMs = int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture);
                result.DropoutMeanMs = int.Parse(m.Groups[3].Value, CultureInfo.InvariantCulture);
            }
            else if (line == "Info Messages:")
            {
                inInfo = true;
            }
            else if ((m = TopicRegex().Match(line)).Success)
            {
                inInfo = false;
                result.Topics[$"{m.Groups[1].Value}/{m.Groups[2].Value}"] =
                    (int.Parse(m.Groups[3].Value, CultureInfo.InvariantCulture), long.Parse(m.Groups[4].Value, CultureInfo.InvariantCulture));
            }
            else if (inInfo && (m = InfoRegex().Match(line)).Success)
            {
                result.Info[m.Groups[1].Value] = m.Groups[2].Value;
            }
            else if (line.Length == 0)
            {
                inInfo = false;
            }
        }

        return result;
    }

    [GeneratedRegex(@"^Logging start time: (\S+), duration: (\S+)$")]
    private static partial Regex StartRegex();

    [GeneratedRegex(@"^Dropouts: count: (\d+), total duration: \S+ s, max: (\d+) ms, mean: (\d+) ms$")]
    private static partial Regex DropoutRegex();

    [GeneratedRegex(@"^ (\w+): (.*)$")]
    private static partial Regex InfoRegex();

    [GeneratedRegex(@"^ (\w+) \((\d+), (\d+)\)\s+(\d+)\s+\d+$")]
    private static partial Regex TopicRegex();
}
