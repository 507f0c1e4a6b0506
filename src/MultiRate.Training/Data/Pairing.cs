using MultiRate.Training.Fitting;
using MultiRate.Training.Schedule;

namespace MultiRate.Training.Data;

/// <summary>
/// Pairs each action tick with the context windows its latent comes from (one per level of the chain
/// feeding the head) and the latent age the head is given, per <see cref="TrainingMode"/>.
/// </summary>
/// <param name="RowEnds">Per level, per sample: the window's end row (the rows before it), or -1 for a zero latent at that level
/// (a level with -1 feeds its reader a zero upstream; the levels behind it are then unused).</param>
/// <param name="AgeSeconds">Per sample: the age feature value, as <c>FastStage</c> computes it.</param>
internal sealed record Pairing(int[][] RowEnds, float[] AgeSeconds)
{
    /// <summary>Per sample: the head source level's window end, or -1 for a zero latent.</summary>
    public int[] RowEnd => RowEnds[0];

    /// <summary>Pairs every action tick of <paramref name="timeline"/>.</summary>
    /// <param name="timeline">The schedule, read from the calendar.</param>
    /// <param name="mode">How to pair.</param>
    /// <param name="extraStaleTicks">Multi-rate only: per sample, an older head-source latent by up to this many slow ticks (0 = none).</param>
    /// <param name="random">Draws the extra staleness (needed when <paramref name="extraStaleTicks"/> &gt; 0).</param>
    public static Pairing Build(ScheduleTimeline timeline, TrainingMode mode, int extraStaleTicks = 0, Random? random = null)
    {
        ArgumentNullException.ThrowIfNull(timeline);
        int n = timeline.FastBaseTicks.Length;
        int levels = timeline.Levels.Length;
        int[][] rowEnds = [.. Enumerable.Range(0, levels).Select(_ => new int[n])];
        float[] age = new float[n];
        for (int i = 0; i < n; i++)
        {
            long t = timeline.FastTimeNs(i);
            switch (mode)
            {
                case TrainingMode.Naive:
                    // Every level fresh: windows ending at the tick itself, age 0.
                    for (int l = 0; l < levels; l++)
                    {
                        rowEnds[l][i] = i + 1;
                    }

                    age[i] = 0;
                    break;
                case TrainingMode.NoContext:
                    for (int l = 0; l < levels; l++)
                    {
                        rowEnds[l][i] = -1;
                    }

                    age[i] = 0;
                    break;
                default:
                    int j = timeline.VisibleSlowTick[i];
                    if (j >= 0 && extraStaleTicks > 0 && random is not null)
                    {
                        j = Older(timeline.Levels[0], j, random.Next(extraStaleTicks + 1));
                    }

                    // Follow the chain: level l's tick read the upstream tick recorded at its trigger.
                    int tick = j;
                    for (int l = 0; l < levels; l++)
                    {
                        SlowTimeline level = timeline.Levels[l];
                        rowEnds[l][i] = tick < 0 ? -1 : level.RowEnd[tick];
                        tick = tick < 0 ? -1 : level.Upstream[tick];
                    }

                    // FastStage: age = now - source time, or now + 1 before any latent; passed as (float)(ns / 1e9).
                    long ageNs = j < 0 ? t + 1 : t - timeline.SlowTimeNs(j);
                    age[i] = (float)(ageNs / 1e9);
                    break;
            }
        }

        return new Pairing(rowEnds, age);
    }

    /// <summary>
    /// This pairing as it would be under the same schedule started <paramref name="shift"/> action
    /// ticks earlier: sample i takes the windows (moved back by <paramref name="shift"/> rows) and the
    /// age of sample i + shift. The ages, handoff and latency stay the deployed schedule's; only the
    /// phase of the slow clock against the data moves, so the context sees other windows of the log.
    /// </summary>
    /// <remarks>
    /// A moved window still ends at or before its sample's own row, so nothing later than the sample
    /// is read. Samples whose moved window would start before the log (or that have no sample
    /// i + shift) keep their own pairing.
    /// </remarks>
    public Pairing Shifted(int shift)
    {
        if (shift <= 0)
        {
            return this;
        }

        int n = AgeSeconds.Length;
        int[][] ends = [.. RowEnds.Select(e => (int[])e.Clone())];
        float[] age = (float[])AgeSeconds.Clone();
        for (int i = 0; i + shift < n; i++)
        {
            if (RowEnds.Any(e => e[i + shift] >= 0 && e[i + shift] - shift < 1))
            {
                continue;
            }

            for (int l = 0; l < ends.Length; l++)
            {
                int end = RowEnds[l][i + shift];
                ends[l][i] = end < 0 ? -1 : end - shift;
            }

            age[i] = AgeSeconds[i + shift];
        }

        return new Pairing(ends, age);
    }

    private static int Older(SlowTimeline level, int j, int back)
    {
        int k = j;
        while (back > 0 && k > 0)
        {
            k--;
            if (level.Started[k])
            {
                back--;
                j = k;
            }
        }

        return j;
    }
}
