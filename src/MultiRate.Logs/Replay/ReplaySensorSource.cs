using MultiRate.Core.Sensors;
using MultiRate.Logs.Abstractions;

namespace MultiRate.Logs.Replay;

/// <summary>
/// Replays log fields by sample-and-hold: the value of a field at time t is its latest sample at or
/// before t, and 0 before its first sample. Times are log times (no rebasing).
/// </summary>
/// <remarks>
/// <see cref="Read"/> does not allocate and does not block: each group of fields keeps a cursor that
/// moves forward with non-decreasing read times (amortized O(1)); a read back in time re-seeks the
/// cursors by binary search. Fields sampled at the same times (the axes of one message, the columns
/// of one CSV) form one group with one time array and their values stored row by row, so a read
/// touches one time and one value cache line per group instead of per field: on the fast tick, right
/// after the head has evicted the caches, that is what the read costs. One reader thread at a time.
/// The data is in memory, so the log may be disposed once the source is built; <see cref="Dispose"/>
/// releases nothing.
/// </remarks>
public sealed class ReplaySensorSource : ISensorSource
{
    private readonly long[][] times;
    private readonly float[][] rows;
    private readonly int[][] members;
    private readonly int[] cursors;
    private readonly int fieldCount;
    private long lastReadNs = long.MinValue;

    /// <summary>Creates a source over extracted series.</summary>
    /// <param name="series">The series; <see cref="Fields"/> follows its field order.</param>
    public ReplaySensorSource(LogSeries series)
    {
        ArgumentNullException.ThrowIfNull(series);
        Fields = [.. series.Fields.Select(f => f.Field)];
        SampleCounts = series.SampleCounts;
        StartNs = series.StartNs;
        EndNs = series.EndNs;
        Coverage = series.Coverage;
        fieldCount = series.Fields.Count;
        List<List<int>> groups = GroupBySampleTimes(series.Fields);
        times = [.. groups.Select(g => series.Fields[g[0]].TimesNs)];
        members = [.. groups.Select(g => g.ToArray())];
        rows = [.. groups.Select(g => RowMajor(series.Fields, g))];
        cursors = new int[times.Length];
    }

    /// <inheritdoc />
    public IReadOnlyList<string> Fields { get; }

    /// <summary>Samples per field, in <see cref="Fields"/> order.</summary>
    public IReadOnlyList<int> SampleCounts { get; }

    /// <inheritdoc />
    public long? StartNs { get; }

    /// <inheritdoc />
    public long? EndNs { get; }

    /// <summary>What was read of the log: whether it was damaged, where reading stopped and why, and the log times replayed. Null when unknown.</summary>
    public LogCoverage? Coverage { get; }

    /// <summary>Extracts the fields from a log and creates a source over them.</summary>
    /// <param name="log">The open log (it can be disposed afterwards).</param>
    /// <param name="fieldPaths">The field paths, in observation order.</param>
    /// <param name="startNs">Optional first log time to read.</param>
    /// <param name="endNs">Optional last log time to read.</param>
    /// <returns>The source.</returns>
    /// <exception cref="FieldPaths.FieldPathException">A path does not match the log.</exception>
    /// <exception cref="LogFormatException">The log cannot be read.</exception>
    public static ReplaySensorSource FromLog(ISensorLog log, IReadOnlyList<string> fieldPaths, long? startNs = null, long? endNs = null) =>
        new(LogSeries.Extract(log, fieldPaths, startNs, endNs));

    /// <inheritdoc />
    /// <returns>False when no field has a sample at or before <paramref name="timeNs"/> (all values read 0).</returns>
    public bool Read(long timeNs, Span<float> observation)
    {
        if (observation.Length < fieldCount)
        {
            throw new ArgumentException($"the observation has {observation.Length} slots but the source has {fieldCount} fields", nameof(observation));
        }

        if (timeNs < lastReadNs)
        {
            Seek(timeNs);
        }

        lastReadNs = timeNs;
        bool any = false;
        for (int g = 0; g < times.Length; g++)
        {
            long[] t = times[g];
            int c = cursors[g];
            while (c < t.Length && t[c] <= timeNs)
            {
                c++;
            }

            cursors[g] = c;
            int[] fields = members[g];
            if (c > 0)
            {
                ReadOnlySpan<float> row = rows[g].AsSpan((c - 1) * fields.Length, fields.Length);
                for (int j = 0; j < fields.Length; j++)
                {
                    observation[fields[j]] = row[j];
                }

                any = true;
            }
            else
            {
                foreach (int f in fields)
                {
                    observation[f] = 0;
                }
            }
        }

        return any;
    }

    /// <inheritdoc />
    public void Dispose()
    {
    }

    private void Seek(long timeNs)
    {
        for (int i = 0; i < times.Length; i++)
        {
            // Upper bound: the number of samples at or before timeNs.
            long[] t = times[i];
            int lo = 0;
            int hi = t.Length;
            while (lo < hi)
            {
                int mid = (lo + hi) >>> 1;
                if (t[mid] <= timeNs)
                {
                    lo = mid + 1;
                }
                else
                {
                    hi = mid;
                }
            }

            cursors[i] = lo;
        }
    }

    /// <summary>Fields with equal sample times (same array, or same contents) share one group, in first-seen order.</summary>
    private static List<List<int>> GroupBySampleTimes(IReadOnlyList<FieldSeries> fields)
    {
        var groups = new List<List<int>>();
        for (int i = 0; i < fields.Count; i++)
        {
            long[] t = fields[i].TimesNs;
            List<int>? match = groups.FirstOrDefault(g => ReferenceEquals(fields[g[0]].TimesNs, t) || fields[g[0]].TimesNs.AsSpan().SequenceEqual(t));
            if (match is null)
            {
                groups.Add([i]);
            }
            else
            {
                match.Add(i);
            }
        }

        return groups;
    }

    private static float[] RowMajor(IReadOnlyList<FieldSeries> fields, List<int> group)
    {
        int count = fields[group[0]].Count;
        float[] data = new float[count * group.Count];
        for (int j = 0; j < group.Count; j++)
        {
            float[] v = fields[group[j]].Values;
            for (int r = 0; r < count; r++)
            {
                data[(r * group.Count) + j] = v[r];
            }
        }

        return data;
    }
}
