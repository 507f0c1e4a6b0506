using System.Reactive.Concurrency;

namespace MultiRate.Scheduling.Resilience;

/// <summary>
/// A delay on a virtual scheduler whose completion (or cancellation) continues its awaiters inline,
/// inside the scheduler item, at the due virtual time.
/// </summary>
/// <remarks>
/// Not <c>Task.Delay(delay, timeProvider)</c>: that completes its awaiters asynchronously (on the thread
/// pool), so in virtual time they would run at some later, unrelated virtual time.
/// </remarks>
internal sealed class VirtualDelay
{
    private readonly TaskCompletionSource _done = new();
    private IDisposable? _item;
    private CancellationTokenRegistration _registration;

    private VirtualDelay()
    {
    }

    /// <summary>Completes after <paramref name="delay"/> of scheduler time (never for <see cref="Timeout.InfiniteTimeSpan"/>), or is cancelled by <paramref name="cancellation"/>.</summary>
    public static Task Start(IScheduler scheduler, TimeSpan delay, CancellationToken cancellation)
    {
        if (cancellation.IsCancellationRequested)
        {
            return Task.FromCanceled(cancellation);
        }

        var d = new VirtualDelay();
        if (delay != Timeout.InfiniteTimeSpan)
        {
            d._item = scheduler.Schedule(delay, () => InlineCompletion.Run(static s => ((VirtualDelay)s!).Complete(), d));
        }

        // Cancellation comes from Polly's timeout timer, itself a scheduler item run through InlineCompletion.
        d._registration = cancellation.UnsafeRegister(static (s, ct) => ((VirtualDelay)s!).Cancel(ct), d);
        return d._done.Task;
    }

    private void Complete()
    {
        _registration.Dispose();
        _done.TrySetResult();
    }

    private void Cancel(CancellationToken ct)
    {
        _item?.Dispose();
        _done.TrySetCanceled(ct);
    }
}
