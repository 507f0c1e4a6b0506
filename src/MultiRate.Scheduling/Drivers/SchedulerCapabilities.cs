using System.Reactive.Concurrency;

namespace MultiRate.Scheduling.Drivers;

/// <summary>
/// Asks a scheduler for an optional capability through <see cref="IServiceProvider.GetService"/>,
/// as Rx does for <see cref="ISchedulerPeriodic"/> (<c>Scheduler.AsPeriodic</c>): code never tests a
/// scheduler's concrete type, so any scheduler that offers the capability drives the graph.
/// </summary>
public static class SchedulerCapabilities
{
    /// <summary>The capability <typeparamref name="T"/> of <paramref name="scheduler"/>, or null when it offers none.</summary>
    public static T? GetCapability<T>(this IScheduler scheduler)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(scheduler);
        return (scheduler as IServiceProvider)?.GetService(typeof(T)) as T;
    }

    /// <summary>The capability <typeparamref name="T"/> of <paramref name="scheduler"/>; throws when it offers none.</summary>
    /// <exception cref="ArgumentException">The scheduler does not offer <typeparamref name="T"/>.</exception>
    public static T RequireCapability<T>(this IScheduler scheduler)
        where T : class =>
        scheduler.GetCapability<T>()
            ?? throw new ArgumentException($"the scheduler {scheduler.GetType().Name} offers no {typeof(T).Name} (through IServiceProvider.GetService)", nameof(scheduler));
}
