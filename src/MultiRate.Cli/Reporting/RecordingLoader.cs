using System.Globalization;
using System.Text.Json.Nodes;
using MultiRate.Core.Errors;
using MultiRate.Recording;
using MultiRate.Logs.Abstractions;
using MultiRate.Logs.Mcap;
using MultiRate.Core.IO;

namespace MultiRate.Cli.Reporting;

/// <summary>Reads a <c>--record</c> MCAP file into <see cref="RecordingData"/>, refusing anything else with a named error.</summary>
internal static class RecordingLoader
{
    private const string Expected = "expected a recording made with multirate run/replay --record";

    /// <exception cref="UserInputException">Not a file, not MCAP, not a MultiRate recording, or a message lacks a field.</exception>
    public static RecordingData Load(string path)
    {
        CheckMagic(path);
        McapSensorLog log = McapSensorLog.Open(path, options: new McapReaderOptions { AllowTruncated = true });
        IReadOnlyList<LogTopicInfo> topics = log.Topics;
        LogTopicInfo[] ticks = topics.Where(t => t.Name.StartsWith(RecordingTopics.TicksPrefix, StringComparison.Ordinal)).ToArray();
        LogTopicInfo[] fast = ticks.Where(t => t.Schema == RecordingTopics.FastTickSchema).ToArray();
        if (fast.Length != 1 || !topics.Any(t => t.Name == RecordingTopics.Actions && t.Schema == RecordingTopics.ActionSchema))
        {
            string found = topics.Count == 0 ? "no topics" : string.Join(", ", topics.Select(t => $"{t.Name} ({t.Schema})"));
            throw new UserInputException(
                $"{path}: not a MultiRate recording: expected topics {RecordingTopics.Actions} ({RecordingTopics.ActionSchema}) and one " +
                $"{RecordingTopics.TicksPrefix}<clock> ({RecordingTopics.FastTickSchema}); found {found} ({Expected})");
        }

        var clocks = new List<ClockSeries> { new(Suffix(fast[0].Name, RecordingTopics.TicksPrefix), true) };
        clocks.AddRange(ticks.Where(t => t.Schema == RecordingTopics.SlowTickSchema).OrderBy(t => t.Name, StringComparer.Ordinal)
            .Select(t => new ClockSeries(Suffix(t.Name, RecordingTopics.TicksPrefix), false)));
        Dictionary<string, ClockSeries> clockByTopic = clocks.ToDictionary(c => RecordingTopics.Ticks(c.Name));
        Dictionary<string, LatentSeries> latentByTopic = topics
            .Where(t => t.Name.StartsWith(RecordingTopics.LatentsPrefix, StringComparison.Ordinal) && t.Schema == RecordingTopics.LatentSchema)
            .ToDictionary(t => t.Name, t => new LatentSeries(Suffix(t.Name, RecordingTopics.LatentsPrefix)));
        var kinds = new SortedDictionary<string, long>(StringComparer.Ordinal);
        var fallbacks = new List<double>();
        var faults = new SortedDictionary<(string Kind, string Source), long>();
        JsonObject? summary = null;
        foreach (LogMessage m in log.ReadMessages())
        {
            var f = new Fields(path, m);
            if (m.Topic == RecordingTopics.Actions)
            {
                string kind = f.Text("kind");
                kinds[kind] = kinds.GetValueOrDefault(kind) + 1;
                if (kind is "hold" or "safe")
                {
                    fallbacks.Add(f.Number("time_ns") / 1e9);
                }
            }
            else if (clockByTopic.TryGetValue(m.Topic, out ClockSeries? c))
            {
                AddTick(c, f);
            }
            else if (m.Topic == RecordingTopics.Faults)
            {
                (string, string) key = (f.Text("kind"), f.Text("source"));
                faults[key] = faults.GetValueOrDefault(key) + 1;
            }
            else if (m.Topic == RecordingTopics.Summary)
            {
                summary = m.Data;
            }
            else if (latentByTopic.TryGetValue(m.Topic, out LatentSeries? l))
            {
                l.TimeS.Add(f.Number("published_ns") / 1e9);
                l.Versions.Add((long)f.Number("version"));
                l.AgeAtPublishMs.Add(f.Number("age_at_publish_ms"));
                l.RecursionSteps.Add(f.Number("recursion_steps"));
            }
        }

        return new RecordingData
        {
            Path = path,
            Truncated = log.IsTruncated,
            Profile = ReadProfile(path),
            Clocks = clocks,
            Latents = latentByTopic.Values.OrderBy(l => l.Clock, StringComparer.Ordinal).ToList(),
            ActionsByKind = kinds,
            FallbackTimesS = fallbacks,
            Faults = faults,
            Summary = summary,
        };
    }

    private static void AddTick(ClockSeries c, Fields f)
    {
        c.TickIndex.Add((long)f.Number("tick"));
        c.TimeS.Add(f.Number("time_ns") / 1e9);
        c.LatencyUs.Add(f.Number("latency_us"));
        c.BudgetUs.Add(f.Number("budget_us"));
        c.Missed.Add(f.Flag("missed"));
        string outcome = f.Text("outcome");
        c.Outcomes[outcome] = c.Outcomes.GetValueOrDefault(outcome) + 1;
        if (c.IsActionClock)
        {
            c.LatentAgeMs.Add(f.Number("latent_age_ms"));
        }
    }

    private static string Suffix(string topic, string prefix) => topic[prefix.Length..];

    private static void CheckMagic(string path)
    {
        if (!File.Exists(path))
        {
            throw new UserInputException($"{path}: recording not found ({Expected})");
        }

        // Before anything opens it: a FIFO would block the open, a device would never end.
        InputFiles.CheckRegular(path, "recording", InputFiles.LogCapBytes);

        byte[] magic = new byte[8];
        int read;
        using (FileStream fs = File.OpenRead(path))
        {
            read = fs.ReadAtLeast(magic, magic.Length, throwOnEndOfStream: false);
        }

        if (read < 5 || magic[0] != 0x89 || magic[1] != (byte)'M' || magic[2] != (byte)'C' || magic[3] != (byte)'A' || magic[4] != (byte)'P')
        {
            throw new UserInputException($"{path}: not an MCAP file (byte 0: expected the magic 89 4D 43 41 50, found {Convert.ToHexString(magic, 0, read)}; {Expected})");
        }
    }

    /// <summary>The profile metadata, read through the summary; empty for a file without one (a crashed run).</summary>
    private static Dictionary<string, string> ReadProfile(string path)
    {
        try
        {
            using FileStream file = File.OpenRead(path);
            McapIndexedReader reader = McapIndexedReader.Open(file, path);
            McapMetadataIndex? index = reader.MetadataIndexes.FirstOrDefault(i => i.Name == RecordingTopics.ProfileMetadata);
            return index is null ? [] : reader.ReadMetadata(index).Metadata.ToDictionary(StringComparer.Ordinal);
        }
        catch (LogFormatException)
        {
            return [];
        }
    }

    /// <summary>Typed field access that names the file, topic and log time when a field is missing or of the wrong type.</summary>
    private readonly struct Fields(string path, LogMessage message)
    {
        public double Number(string name) => Get(name, "a number", n => n.GetValue<double>());

        public string Text(string name) => Get(name, "a string", n => n.GetValue<string>());

        public bool Flag(string name) => Get(name, "true or false", n => n.GetValue<bool>());

        private T Get<T>(string name, string what, Func<JsonValue, T> read)
        {
            if (message.Data[name] is JsonValue value)
            {
                try
                {
                    return read(value);
                }
                catch (Exception ex) when (ex is InvalidOperationException or FormatException)
                {
                    // Reported below with the position.
                }
            }

            throw new UserInputException(
                $"{path}: {message.Topic} message at log time {message.LogTimeNs.ToString(CultureInfo.InvariantCulture)} ns: field '{name}': expected {what} ({Expected})");
        }
    }
}
