namespace MultiRate.Scheduling.RealTime;

/// <summary>Periodic work booked through <see cref="Drivers.ITickScheduler"/>: each run is handed its booked tick index.</summary>
internal sealed class TickWork(Action<long> work, long firstDueNs, long periodNs) : BookedWork(firstDueNs, periodNs)
{
    protected override void Run(long tick) => work(tick);
}
