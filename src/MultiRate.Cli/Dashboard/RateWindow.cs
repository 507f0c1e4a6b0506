namespace MultiRate.Cli.Dashboard;

/// <summary>
/// The dashboard's achieved rates: per clock, the configured rate times the share of its periods that
/// ran (ticks over ticks plus skipped periods), counted over the last <see cref="Window"/> of wall time.
/// </summary>
/// <remarks>
/// Why periods and not ticks per wall second: a frame every 250 ms sees a 1 Hz clock's count change
/// in one frame of four, so ticks over the frame interval flickers 0.0/4.0, and ticks over any wall
/// window flickers by one tick in the window. Every period of a clock is either a tick or a skipped
/// period (<c>docs/vocabulary.md</c>), and in real time the scheduler skips whole periods instead of
/// falling behind, so the share of periods that ran is the achieved rate, with no phase error: a clock
/// that runs every period shows exactly its rate. Before the window holds a period of a clock, the
/// figure is taken over the run so far. Dashboard thread only.
/// </remarks>
internal sealed class RateWindow
{
    /// <summary>How far back the achieved rates look (2 s of wall time).</summary>
    public static readonly TimeSpan Window = TimeSpan.FromSeconds(2);

    private readonly TimeProvider _time;
    private readonly Queue<Sample> _samples = new();

    public RateWindow(TimeProvider time) => _time = time;

    /// <summary>Records the counts read at <paramref name="timestamp"/> (one entry per clock, in a fixed order) and returns each clock's achieved rate.</summary>
    /// <param name="timestamp">When the counts were read (<see cref="TimeProvider.GetTimestamp"/>).</param>
    /// <param name="rateHz">Configured rate per clock.</param>
    /// <param name="ticks">Ticks so far per clock.</param>
    /// <param name="skipped">Skipped periods so far per clock.</param>
    public double[] Add(long timestamp, IReadOnlyList<long> rateHz, IReadOnlyList<long> ticks, IReadOnlyList<long> skipped)
    {
        ArgumentNullException.ThrowIfNull(rateHz);
        ArgumentNullException.ThrowIfNull(ticks);
        ArgumentNullException.ThrowIfNull(skipped);
        var now = new Sample(timestamp, [.. ticks], [.. skipped]);

        // Keep exactly one sample at least a window old: it is the window's start.
        while (_samples.Count > 1 && _time.GetElapsedTime(_samples.ElementAt(1).Timestamp, timestamp) >= Window)
        {
            _samples.Dequeue();
        }

        Sample? start = _samples.Count > 0 ? _samples.Peek() : null;
        _samples.Enqueue(now);
        double[] achieved = new double[ticks.Count];
        for (int c = 0; c < achieved.Length; c++)
        {
            long ran = ticks[c] - (start?.Ticks[c] ?? 0);
            long periods = ran + skipped[c] - (start?.Skipped[c] ?? 0);
            if (periods <= 0)
            {
                // No period of this clock inside the window yet (a slow clock early in the run): the run so far.
                ran = ticks[c];
                periods = ticks[c] + skipped[c];
            }

            achieved[c] = periods <= 0 ? 0 : rateHz[c] * (double)ran / periods;
        }

        return achieved;
    }

    private sealed record Sample(long Timestamp, long[] Ticks, long[] Skipped);
}
