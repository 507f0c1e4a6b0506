using MultiRate.Core.Sensors;
using MultiRate.Logs.Abstractions;

namespace MultiRate.Logs.Replay;

/// <summary>
/// Replays log fields by sample-and-hold: the value of a field at time t is its latest sample at or
/// before t, and 0 before its first sample. Times are log times (no rebasing).
/// </summary>
/// <remarks>
/// <see cref="Read"/> does not allocate and does not block: each field keeps a cursor that moves
/// forward with non-decreasing read times (amortized O(1)); a read back in time re-seeks the cursors
/// by binary search. One reader thread at a time. The data is in memory, so the log may be disposed
/// once the source is built; <see cref="Dispose"/> releases nothing.
/// </remarks>
public sealed class ReplaySensorSource : ISensorSource
{
    private readonly long[][] times;
    private readonly float[][] values;
    private readonly int[] cursors;
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
        times = [.. series.Fields.Select(f => f.TimesNs)];
        values = [.. series.Fields.Select(f => f.Values)];
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
        if (observation.Length < times.Length)
        {
            throw new ArgumentException($"the observation has {observation.Length} slots but the source has {times.Length} fields", nameof(observation));
        }

        if (timeNs < lastReadNs)
        {
            Seek(timeNs);
        }

        lastReadNs = timeNs;
        bool any = false;
        for (int i = 0; i < times.Length; i++)
        {
            long[] t = times[i];
            int c = cursors[i];
            while (c < t.Length && t[c] <= timeNs)
            {
                c++;
            }

            cursors[i] = c;
            if (c > 0)
            {
                observation[i] = values[i][c - 1];
                any = true;
            }
            else
            {
                observation[i] = 0;
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
}
