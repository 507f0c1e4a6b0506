using MultiRate.Logs.Abstractions;
using MultiRate.Logs.FieldPaths;

namespace MultiRate.Logs.Replay;

/// <summary>
/// Per-field time series pulled out of a log in one pass: each field path's values with their log
/// times, ready for sample-and-hold replay. Times stay log times; rebasing is the caller's choice.
/// </summary>
public sealed class LogSeries
{
    private LogSeries(IReadOnlyList<FieldSeries> fields, LogCoverage? coverage = null)
    {
        Coverage = coverage;
        Fields = fields;
        SampleCounts = [.. fields.Select(f => f.Count)];
        List<FieldSeries> nonEmpty = [.. fields.Where(f => f.Count > 0)];
        StartNs = nonEmpty.Count == 0 ? null : nonEmpty.Min(f => f.TimesNs[0]);
        EndNs = nonEmpty.Count == 0 ? null : nonEmpty.Max(f => f.TimesNs[^1]);
    }

    /// <summary>One series per requested field path, in request order.</summary>
    public IReadOnlyList<FieldSeries> Fields { get; }

    /// <summary>Number of samples per field, in request order.</summary>
    public IReadOnlyList<int> SampleCounts { get; }

    /// <summary>Earliest first sample over all fields; null when no field has a sample.</summary>
    public long? StartNs { get; }

    /// <summary>Latest last sample over all fields; null when no field has a sample.</summary>
    public long? EndNs { get; }

    /// <summary>What the extraction read of the log (damage and "replayed up to"), or null when built from arrays or the log does not track it.</summary>
    public LogCoverage? Coverage { get; }

    /// <summary>Reads the topics the field paths need, once, and builds each field's series.</summary>
    /// <param name="log">The open log.</param>
    /// <param name="fieldPaths">Field paths such as <c>/imu.angular_velocity.x</c> (see <see cref="FieldPath"/>).</param>
    /// <param name="startNs">Optional first log time to read.</param>
    /// <param name="endNs">Optional last log time to read.</param>
    /// <returns>The series.</returns>
    /// <remarks>
    /// A message without a value for a field (its last field left out, as a CSV row's empty cell, or
    /// null) adds no sample to that field, whose previous sample then holds; a field no message holds
    /// is an error naming the first message.
    /// </remarks>
    /// <exception cref="FieldPathException">A path matches no topic, does not resolve in a message, or no message holds its field; the message names the log, topic and log time.</exception>
    /// <exception cref="LogFormatException">The log cannot be read.</exception>
    public static LogSeries Extract(ISensorLog log, IReadOnlyList<string> fieldPaths, long? startNs = null, long? endNs = null)
    {
        ArgumentNullException.ThrowIfNull(log);
        ArgumentNullException.ThrowIfNull(fieldPaths);
        if (fieldPaths.Count == 0)
        {
            throw new FieldPathException($"{log.Path}: expected at least one field path to replay");
        }

        List<string> topicNames = [.. log.Topics.Select(t => t.Name)];
        FieldPath[] paths = [.. fieldPaths.Select(p => FieldPath.Parse(p, topicNames))];
        var byTopic = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (int i = 0; i < paths.Length; i++)
        {
            if (!byTopic.TryGetValue(paths[i].Topic, out List<int>? list))
            {
                byTopic[paths[i].Topic] = list = [];
            }

            list.Add(i);
        }

        var times = new List<long>[paths.Length];
        var values = new List<float>[paths.Length];
        var firstAbsence = new FieldPathException?[paths.Length];
        for (int i = 0; i < paths.Length; i++)
        {
            times[i] = [];
            values[i] = [];
        }

        foreach (LogMessage message in log.ReadMessages([.. byTopic.Keys], startNs, endNs))
        {
            if (!byTopic.TryGetValue(message.Topic, out List<int>? indices))
            {
                continue;
            }

            foreach (int i in indices)
            {
                double value;
                try
                {
                    if (!paths[i].TryResolve(message.Data, out value))
                    {
                        // No value in this message (a CSV row's empty cell): the field holds its last sample.
                        firstAbsence[i] ??= At(log, message, paths[i].Absent(message.Data));
                        continue;
                    }
                }
                catch (FieldPathException ex)
                {
                    throw At(log, message, ex);
                }

                times[i].Add(message.LogTimeNs);
                values[i].Add((float)value);
            }
        }

        // A field that no message holds is a wrong path (a typo), not a sparse one: name the first message.
        for (int i = 0; i < paths.Length; i++)
        {
            if (times[i].Count == 0 && firstAbsence[i] is { } absent)
            {
                throw absent;
            }
        }

        var series = new FieldSeries[paths.Length];
        for (int i = 0; i < paths.Length; i++)
        {
            (long[] t, float[] v) = SortedByTime([.. times[i]], [.. values[i]]);
            series[i] = new FieldSeries(paths[i], t, v);
        }

        return new LogSeries(series, log.Coverage);
    }

    private static FieldPathException At(ISensorLog log, LogMessage message, FieldPathException ex) =>
        new($"{log.Path}: message on '{message.Topic}' at log time {message.LogTimeNs} ns: {ex.Message}", ex);

    /// <summary>Builds series from arrays already in memory (tests, synthetic data).</summary>
    /// <param name="fields">One series per field; each is sorted by time (stably) if it is not already.</param>
    /// <returns>The series.</returns>
    public static LogSeries FromArrays(IReadOnlyList<(string Field, long[] TimesNs, float[] Values)> fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        var series = new FieldSeries[fields.Count];
        for (int i = 0; i < fields.Count; i++)
        {
            (string field, long[] t, float[] v) = fields[i];
            if (t.Length != v.Length)
            {
                throw new ArgumentException($"field '{field}': {t.Length} times but {v.Length} values", nameof(fields));
            }

            (t, v) = SortedByTime([.. t], [.. v]);
            series[i] = new FieldSeries(FieldPath.Parse(field), t, v);
        }

        return new LogSeries(series);
    }

    private static (long[] Times, float[] Values) SortedByTime(long[] times, float[] values)
    {
        bool sorted = true;
        for (int i = 1; i < times.Length && sorted; i++)
        {
            sorted = times[i] >= times[i - 1];
        }

        if (sorted)
        {
            return (times, values);
        }

        // Stable, so that of several samples at one time the last one read still wins the hold.
        int[] order = [.. Enumerable.Range(0, times.Length).OrderBy(i => times[i])];
        return ([.. order.Select(i => times[i])], [.. order.Select(i => values[i])]);
    }
}
