using MultiRate.Training.Fitting;
using MultiRate.Training.Schedule;

namespace MultiRate.Training.Data;

/// <summary>
/// Pairs each action tick with the context window its latent comes from and the latent age the head
/// is given, per <see cref="TrainingMode"/>.
/// </summary>
/// <param name="RowEnd">Per sample: the window's end row (the rows before it), or -1 for a zero latent.</param>
/// <param name="AgeSeconds">Per sample: the age feature value, as <c>FastStage</c> computes it.</param>
internal sealed record Pairing(int[] RowEnd, float[] AgeSeconds)
{
    /// <summary>Pairs every action tick of <paramref name="timeline"/>.</summary>
    /// <param name="timeline">The simulated schedule.</param>
    /// <param name="mode">How to pair.</param>
    /// <param name="extraStaleTicks">Multi-rate only: per sample, an older latent by up to this many slow ticks (0 = none).</param>
    /// <param name="random">Draws the extra staleness (needed when <paramref name="extraStaleTicks"/> &gt; 0).</param>
    public static Pairing Build(ScheduleTimeline timeline, TrainingMode mode, int extraStaleTicks = 0, Random? random = null)
    {
        ArgumentNullException.ThrowIfNull(timeline);
        int n = timeline.FastBaseTicks.Length;
        int[] rowEnd = new int[n];
        float[] age = new float[n];
        for (int i = 0; i < n; i++)
        {
            long t = timeline.FastTimeNs(i);
            switch (mode)
            {
                case TrainingMode.Naive:
                    rowEnd[i] = i + 1;
                    age[i] = 0;
                    break;
                case TrainingMode.NoContext:
                    rowEnd[i] = -1;
                    age[i] = 0;
                    break;
                default:
                    int j = timeline.VisibleSlowTick[i];
                    if (j >= 0 && extraStaleTicks > 0 && random is not null)
                    {
                        j = Older(timeline, j, random.Next(extraStaleTicks + 1));
                    }

                    rowEnd[i] = j < 0 ? -1 : timeline.SlowRowEnd[j];

                    // FastStage: age = now - source time, or now + 1 before any latent; passed as (float)(ns / 1e9).
                    long ageNs = j < 0 ? t + 1 : t - timeline.SlowTimeNs(j);
                    age[i] = (float)(ageNs / 1e9);
                    break;
            }
        }

        return new Pairing(rowEnd, age);
    }

    private static int Older(ScheduleTimeline timeline, int j, int back)
    {
        int k = j;
        while (back > 0 && k > 0)
        {
            k--;
            if (timeline.SlowStarted[k])
            {
                back--;
                j = k;
            }
        }

        return j;
    }
}
