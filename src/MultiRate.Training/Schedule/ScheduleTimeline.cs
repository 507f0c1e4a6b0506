namespace MultiRate.Training.Schedule;

/// <summary>
/// The simulated schedule of one run: every action-clock tick, every slow trigger, and which slow
/// tick's latent each action tick reads. All times are integer ns from the run's tick 0.
/// </summary>
/// <param name="FastBaseTicks">Base tick of each action-clock tick, in order.</param>
/// <param name="SlowBaseTicks">Base tick of each slow-clock tick, in order (skipped ones included).</param>
/// <param name="SlowStarted">Whether each slow tick started an update (false: skipped, the previous one was still running).</param>
/// <param name="SlowRowEnd">Context rows appended up to and including each slow tick's base tick: its window is the rows before this index.</param>
/// <param name="VisibleSlowTick">For each action tick, the slow tick whose latent it reads, or -1 before the first publish.</param>
/// <param name="BaseTickNs">Base tick period, ns.</param>
internal sealed record ScheduleTimeline(
    long[] FastBaseTicks,
    long[] SlowBaseTicks,
    bool[] SlowStarted,
    int[] SlowRowEnd,
    int[] VisibleSlowTick,
    long BaseTickNs)
{
    /// <summary>Time of action tick <paramref name="i"/>, ns.</summary>
    public long FastTimeNs(int i) => FastBaseTicks[i] * BaseTickNs;

    /// <summary>Time of slow tick <paramref name="j"/>, ns (the latent's source time: its age is measured from here).</summary>
    public long SlowTimeNs(int j) => SlowBaseTicks[j] * BaseTickNs;
}
