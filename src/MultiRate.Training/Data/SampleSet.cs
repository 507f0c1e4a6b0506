using MultiRate.Training.Schedule;

namespace MultiRate.Training.Data;

/// <summary>
/// One sample per action tick of the schedule read from the calendar: the head's observation, the context row the
/// executor appends, and the targets, all sampled-and-held at the tick's log time.
/// </summary>
/// <remarks>Row-major arrays; treat as read-only once built.</remarks>
internal sealed class SampleSet
{
    private SampleSet(int count, int headSize, int rowSize, int targetSize)
    {
        Count = count;
        HeadSize = headSize;
        RowSize = rowSize;
        TargetSize = targetSize;
        Head = new float[count * headSize];
        Rows = new float[count * rowSize];
        Targets = new float[count * targetSize];
        TimesNs = new long[count];
    }

    /// <summary>Samples (action ticks).</summary>
    public int Count { get; }

    /// <summary>Head observation width.</summary>
    public int HeadSize { get; }

    /// <summary>Context row width (context then goal fields).</summary>
    public int RowSize { get; }

    /// <summary>Target width.</summary>
    public int TargetSize { get; }

    /// <summary>[Count, HeadSize] head observations.</summary>
    public float[] Head { get; }

    /// <summary>[Count, RowSize] context rows, one appended per action tick.</summary>
    public float[] Rows { get; }

    /// <summary>[Count, TargetSize] targets.</summary>
    public float[] Targets { get; }

    /// <summary>Run time of each sample, ns from tick 0.</summary>
    public long[] TimesNs { get; }

    /// <summary>Samples every action tick of <paramref name="timeline"/> from <paramref name="data"/>.</summary>
    public static SampleSet Build(LogData data, ScheduleTimeline timeline)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(timeline);
        int[] head = data.Layout.HeadIndices;
        int[] ctx = data.Layout.ContextIndices;
        var set = new SampleSet(timeline.FastBaseTicks.Length, head.Length, ctx.Length, data.Targets.Fields.Count);
        float[] values = new float[data.Inputs.Fields.Count];
        float[] targets = new float[set.TargetSize];
        for (int i = 0; i < set.Count; i++)
        {
            long t = timeline.FastTimeNs(i);
            set.TimesNs[i] = t;
            data.Inputs.Read(data.StartNs + t, values);
            data.Targets.Read(data.StartNs + t, targets);
            for (int k = 0; k < head.Length; k++)
            {
                set.Head[(i * set.HeadSize) + k] = values[head[k]];
            }

            for (int k = 0; k < ctx.Length; k++)
            {
                set.Rows[(i * set.RowSize) + k] = values[ctx[k]];
            }

            targets.CopyTo(set.Targets.AsSpan(i * set.TargetSize));
        }

        return set;
    }

    /// <summary>Builds a set from arrays (tests).</summary>
    internal static SampleSet FromArrays(float[] head, int headSize, float[] rows, int rowSize, float[] targets, int targetSize, long[] timesNs)
    {
        var set = new SampleSet(timesNs.Length, headSize, rowSize, targetSize);
        head.CopyTo(set.Head, 0);
        rows.CopyTo(set.Rows, 0);
        targets.CopyTo(set.Targets, 0);
        timesNs.CopyTo(set.TimesNs, 0);
        return set;
    }
}
