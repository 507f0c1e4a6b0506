namespace MultiRate.Training.Schedule;

/// <summary>
/// One slow clock of the chain feeding the head, over a whole log: every tick (skipped ones included),
/// the context rows its window ends at, and the upstream clock's tick its update read.
/// </summary>
/// <param name="Clock">Clock name in the profile.</param>
/// <param name="WindowRows">Rows the executor copies into the module at a trigger (the clock's history, else the module's).</param>
/// <param name="BaseTicks">Base tick of each of its ticks, in order.</param>
/// <param name="Started">Whether each tick started an update (false: skipped, the previous one was still running).</param>
/// <param name="RowEnd">Context rows appended up to and including each tick's base tick: its window is the rows before this index.</param>
/// <param name="Upstream">Per tick: the upstream clock's tick whose latent the update read, or -1 (none yet, or no upstream).</param>
/// <param name="PeriodNs">The clock's period, ns.</param>
/// <param name="LatencyNs">The clock's declared latency, ns.</param>
internal sealed record SlowTimeline(string Clock, int WindowRows, long[] BaseTicks, bool[] Started, int[] RowEnd, int[] Upstream, long PeriodNs, long LatencyNs);
