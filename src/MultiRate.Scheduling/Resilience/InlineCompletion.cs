namespace MultiRate.Scheduling.Resilience;

/// <summary>
/// Runs a virtual-time callback so that the awaits it completes continue inline, on this thread, at
/// this virtual time.
/// </summary>
/// <remarks>
/// The runtime inlines an await continuation only when no custom <see cref="SynchronizationContext"/>
/// and no custom <see cref="TaskScheduler"/> is current. Test runners and UI threads install both; then
/// the continuation would be queued elsewhere and either race the virtual scheduler or wait for the
/// very thread that is busy advancing it. So the callback runs as a task executed synchronously on the
/// default scheduler, with no synchronization context.
/// </remarks>
internal static class InlineCompletion
{
    public static void Run(Action<object?> callback, object? state)
    {
        SynchronizationContext? context = SynchronizationContext.Current;
        SynchronizationContext.SetSynchronizationContext(null);
        try
        {
            using var task = new Task(callback, state);
            task.RunSynchronously(TaskScheduler.Default);
            task.GetAwaiter().GetResult();
        }
        finally
        {
            SynchronizationContext.SetSynchronizationContext(context);
        }
    }
}
