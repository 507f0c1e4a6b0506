using MultiRate.Core.Rates;
using MultiRate.Scheduling.Output;
using MultiRate.Training.Schedule;

namespace MultiRate.Training.Evaluation;

/// <summary>
/// The actions the runtime sends for the head's outputs at consecutive action ticks: what the
/// executor's fast stage and output stage do to them, replayed in tick order, so the training's
/// estimate scores the deployed actions rather than the head's raw outputs.
/// </summary>
/// <remarks>
/// Per action tick i at time t, from tick 0 (the rules of <c>FastStage.Act</c>, and the output stage's
/// own <see cref="OutputLimits.Apply"/>):
/// <code>
///   no latent yet, or age &gt; age limit, with on_stale: safe   -> the safe action, limited
///   a non-finite head output                                 -> the last action (a hold)
///   otherwise                                                -> the head's output, limited
///   limited: v = clamp(v, last - r dt, last + r dt) (not on the first action: dt = 0), then clamp(v, min, max)
/// </code>
/// The rate limit makes each action depend on the one before, so the replay starts at tick 0: a
/// head that jumps faster than <c>max_rate_per_s</c> allows is sent at the limit, and the runtime
/// scores what it sent (on the SITL flight, single-tick spikes of the head were cut to a fifth).
/// Overruns are not modelled: in virtual time the head meets its budget (its declared cost is 0).
/// </remarks>
internal sealed class DeployedOutput
{
    private readonly OutputLimits _limits;
    private readonly long _ageLimitNs;
    private readonly bool _safeOnStale;
    private readonly ScheduleTimeline _timeline;

    public DeployedOutput(ActionSpec action, LatentSpec latent, ScheduleTimeline timeline)
    {
        ArgumentNullException.ThrowIfNull(action);
        ArgumentNullException.ThrowIfNull(latent);
        ArgumentNullException.ThrowIfNull(timeline);
        _limits = new OutputLimits(action);
        _ageLimitNs = latent.AgeLimitNs;
        _safeOnStale = latent.OnStale == StalePolicy.SafeAction;
        _timeline = timeline;
    }

    /// <summary>Dimensions of an action.</summary>
    public int Dimension => _limits.Dimension;

    /// <summary>
    /// The actions sent at action ticks 0 .. <paramref name="count"/> - 1 for the head outputs
    /// <paramref name="head"/> ([count, Dimension], row-major, tick order from tick 0).
    /// </summary>
    /// <param name="head">The head's outputs, one row per action tick.</param>
    /// <param name="count">Action ticks to replay.</param>
    /// <param name="changed">Per tick: whether the sent action differs from the head's output.</param>
    /// <returns>The sent actions, [count, Dimension].</returns>
    public float[] Send(ReadOnlySpan<float> head, int count, out bool[] changed)
    {
        int a = Dimension;
        if (head.Length < count * a)
        {
            throw new ArgumentException($"expected {count} rows of {a} head outputs; got {head.Length} values", nameof(head));
        }

        float[] sent = new float[count * a];
        changed = new bool[count];
        float[] last = _limits.Safe.ToArray();
        long lastTimeNs = long.MinValue;
        for (int i = 0; i < count; i++)
        {
            long t = _timeline.FastTimeNs(i);
            ReadOnlySpan<float> output = head.Slice(i * a, a);
            Span<float> work = sent.AsSpan(i * a, a);
            if (_safeOnStale && IsStale(i, t))
            {
                _limits.Safe.CopyTo(work);
            }
            else if (!AllFinite(output))
            {
                last.CopyTo(work);
            }
            else
            {
                output.CopyTo(work);
            }

            double dt = lastTimeNs == long.MinValue ? 0 : (t - lastTimeNs) / 1e9;
            _limits.Apply(work, last, dt);
            changed[i] = !work.SequenceEqual(output);
            work.CopyTo(last);
            lastTimeNs = t;
        }

        return sent;
    }

    // FastStage: stale = no latent yet, or its age past the limit; the age counts from the source (trigger) time.
    private bool IsStale(int i, long t)
    {
        int j = _timeline.VisibleSlowTick[i];
        return j < 0 || t - _timeline.SlowTimeNs(j) > _ageLimitNs;
    }

    private static bool AllFinite(ReadOnlySpan<float> values)
    {
        foreach (float v in values)
        {
            if (!float.IsFinite(v))
            {
                return false;
            }
        }

        return true;
    }
}
