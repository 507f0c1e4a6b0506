using MultiRate.Core.Errors;
using MultiRate.Core.Models;
using MultiRate.Runtime.Sources;
using MultiRate.Logs;
using MultiRate.Logs.Abstractions;
using MultiRate.Logs.FieldPaths;
using MultiRate.Logs.Replay;

namespace MultiRate.Training.Data;

/// <summary>
/// A log bound to a model config: the inputs as the runtime replays them (the same sample-and-hold
/// source, the same start time) and the targets, replayed the same way.
/// </summary>
internal sealed class LogData
{
    private LogData(string path, ObservationLayout layout, ReplaySensorSource inputs, ReplaySensorSource targets, long startNs, long endNs)
    {
        Path = path;
        Layout = layout;
        Inputs = inputs;
        Targets = targets;
        StartNs = startNs;
        EndNs = endNs;
    }

    /// <summary>The log file.</summary>
    public string Path { get; }

    /// <summary>Input fields and where each module's fields sit.</summary>
    public ObservationLayout Layout { get; }

    /// <summary>The inputs, exactly as <c>RunSession</c> builds its replay source.</summary>
    public ReplaySensorSource Inputs { get; }

    /// <summary>The target fields, in config order.</summary>
    public ReplaySensorSource Targets { get; }

    /// <summary>Log time of the run's tick 0: the first sample of any input field (as in replay).</summary>
    public long StartNs { get; }

    /// <summary>Log time of the last input sample.</summary>
    public long EndNs { get; }

    /// <summary>
    /// Base ticks a replay of this log runs: the same arithmetic as <c>RunSession</c> and
    /// <c>MultiRateExecutor.Run</c> (a TimeSpan of 100 ns ticks, then whole base periods).
    /// </summary>
    public long BaseTicks(long baseTickNs) => Math.Max(1, ((EndNs - StartNs) / 100 * 100) / baseTickNs);

    /// <summary>Reads the config's inputs and targets from <paramref name="logPath"/>.</summary>
    /// <exception cref="UserInputException">The log is missing or unreadable, the config has no targets, or a field path
    /// does not match the log (the message lists the log's topics, or the topic's fields).</exception>
    public static LogData Load(string logPath, ModelConfig config) => Load(logPath, config, new SensorLogOptions());

    /// <summary>Reads the config's inputs and targets from <paramref name="logPath"/>, opened with <paramref name="options"/>.</summary>
    /// <exception cref="UserInputException">The log is missing or unreadable, the config has no targets, or a field path
    /// does not match the log (the message lists the log's topics, or the topic's fields).</exception>
    public static LogData Load(string logPath, ModelConfig config, SensorLogOptions options)
    {
        ArgumentNullException.ThrowIfNull(config);
        string where = config.SourcePath ?? config.Name;
        if (config.Targets.Count == 0)
        {
            throw new UserInputException($"{where}: targets: training needs at least one target field path, e.g. targets: ['/actuator_controls_0/0.control[0]']");
        }

        var layout = ObservationLayout.From(config.Inputs);
        var keyed = new List<(string Key, string Field)>();
        keyed.AddRange(config.Inputs.Head.Select((f, i) => ($"inputs.head[{i}]", f)));
        keyed.AddRange(config.Inputs.Context.Select((f, i) => ($"inputs.context[{i}]", f)));
        keyed.AddRange(config.Inputs.Goal.Select((f, i) => ($"inputs.goal[{i}]", f)));
        keyed.AddRange(config.Targets.Select((f, i) => ($"targets[{i}]", f)));
        using ISensorLog log = SensorLogs.Open(logPath, options);
        string topics = string.Join(", ", log.Topics.Select(t => $"{t.Name} ({t.Count})").Order(StringComparer.Ordinal));
        List<string> names = [.. log.Topics.Select(t => t.Name)];
        foreach ((string key, string field) in keyed)
        {
            FieldPath parsed;
            try
            {
                parsed = FieldPath.Parse(field, names);
            }
            catch (FieldPathException ex)
            {
                throw new UserInputException($"{where}: {key}: {ex.Message}", ex);
            }

            if (log.Topics.First(t => t.Name == parsed.Topic).Count == 0)
            {
                throw new UserInputException($"{where}: {key}: topic '{parsed.Topic}' of '{field}' has no messages in {logPath}; the log's topics are: {topics}");
            }
        }

        List<string> all = [.. layout.Fields.Concat(config.Targets).Distinct(StringComparer.Ordinal)];
        LogSeries series;
        try
        {
            series = LogSeries.Extract(log, all);
        }
        catch (FieldPathException ex)
        {
            // The message names the field path and lists the fields its topic has.
            string key = keyed.FirstOrDefault(k => ex.Message.Contains($"'{k.Field}'", StringComparison.Ordinal)).Key ?? "inputs";
            throw new UserInputException($"{where}: {key}: {ex.Message}", ex);
        }

        ReplaySensorSource Subset(IEnumerable<string> fields) => new(LogSeries.FromArrays(
            [.. fields.Select(f => series.Fields[all.IndexOf(f)]).Select(s => (s.Field, s.TimesNs, s.Values))]));

        ReplaySensorSource inputs = Subset(layout.Fields);
        ReplaySensorSource targets = Subset(config.Targets);
        if (inputs.StartNs is not long start || inputs.EndNs is not long end || end <= start)
        {
            throw new UserInputException($"{logPath}: the config's inputs have no samples spanning any time; the log's topics are: {topics}");
        }

        return new LogData(logPath, layout, inputs, targets, start, end);
    }
}
