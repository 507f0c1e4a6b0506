using System.Reactive.Concurrency;
using MultiRate.Scheduling.Resilience;

namespace MultiRate.Scheduling.Tests.Resilience;

public class SchedulerTimeProviderTests
{
    private static readonly DateTimeOffset T0 = DateTimeOffset.UnixEpoch;

    [Fact]
    public void Delay_VirtualScheduler_CompletesExactlyAtDueTime()
    {
        var scheduler = new HistoricalScheduler(T0);
        var time = new SchedulerTimeProvider(scheduler);
        DateTimeOffset? completedAt = null;
        _ = Task.Delay(TimeSpan.FromMilliseconds(40), time).ContinueWith(_ => completedAt = scheduler.Now, TaskContinuationOptions.ExecuteSynchronously);

        scheduler.AdvanceTo(T0 + TimeSpan.FromMilliseconds(39));
        Assert.Null(completedAt);
        scheduler.AdvanceTo(T0 + TimeSpan.FromMilliseconds(100));
        Assert.Equal(T0 + TimeSpan.FromMilliseconds(40), completedAt);
    }

    [Fact]
    public void CancelAfter_VirtualScheduler_CancelsAtDueTime()
    {
        var scheduler = new HistoricalScheduler(T0);
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(120), new SchedulerTimeProvider(scheduler));
        DateTimeOffset? cancelledAt = null;
        cts.Token.Register(() => cancelledAt = scheduler.Now);

        scheduler.AdvanceTo(T0 + TimeSpan.FromSeconds(1));

        Assert.Equal(T0 + TimeSpan.FromMilliseconds(120), cancelledAt);
    }

    [Fact]
    public void CreateTimer_Periodic_FiresEveryPeriodUntilDisposed()
    {
        var scheduler = new HistoricalScheduler(T0);
        var fired = new List<DateTimeOffset>();
        ITimer timer = new SchedulerTimeProvider(scheduler).CreateTimer(_ => fired.Add(scheduler.Now), null, TimeSpan.FromMilliseconds(10), TimeSpan.FromMilliseconds(25));

        scheduler.AdvanceTo(T0 + TimeSpan.FromMilliseconds(60));
        timer.Dispose();
        scheduler.AdvanceTo(T0 + TimeSpan.FromMilliseconds(200));

        Assert.Equal([T0.AddMilliseconds(10), T0.AddMilliseconds(35), T0.AddMilliseconds(60)], fired);
    }

    [Fact]
    public void GetUtcNow_FollowsTheScheduler()
    {
        var scheduler = new HistoricalScheduler(T0);
        var time = new SchedulerTimeProvider(scheduler);
        scheduler.AdvanceBy(TimeSpan.FromSeconds(3));

        Assert.Equal(T0.AddSeconds(3), time.GetUtcNow());
        Assert.Equal(TimeSpan.FromSeconds(3), time.GetElapsedTime(T0.UtcTicks));
    }
}
