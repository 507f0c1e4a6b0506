using MultiRate.Core.Modules;

namespace MultiRate.Scheduling.Resilience;

/// <summary>
/// Real time: one thread that runs module calls handed to it, so the slow runner can stop waiting for
/// a call that never returns (<see cref="TryAbandon"/>) and carry on with a fresh worker.
/// </summary>
/// <remarks>
/// One call at a time. An abandoned worker's thread ends when (if ever) its call returns; that late
/// result is discarded and reported through the callback given at construction.
/// </remarks>
internal sealed class ComputeWorker : IDisposable
{
    private const int Idle = 0;
    private const int Running = 1;
    private const int Abandoned = 2;
    private readonly SemaphoreSlim _go = new(0);
    private readonly Thread _thread;
    private readonly Action _onLateResult;
    private Func<ContextResult>? _job;
    private TaskCompletionSource<ContextResult>? _done;
    private int _state;
    private volatile bool _stopped;

    public ComputeWorker(string name, int? cpu, Action onLateResult)
    {
        _onLateResult = onLateResult;
        _thread = new Thread(() => Loop(cpu)) { IsBackground = true, Name = name };
        _thread.Start();
    }

    /// <summary>True while a call runs.</summary>
    public bool Busy => Volatile.Read(ref _state) == Running;

    /// <summary>Hands one call to the worker; the task completes when it returns.</summary>
    public Task<ContextResult> Run(Func<ContextResult> job)
    {
        var done = new TaskCompletionSource<ContextResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        _job = job;
        _done = done;
        Volatile.Write(ref _state, Running);
        _go.Release();
        return done.Task;
    }

    /// <summary>
    /// Gives up on the call in progress, if it is still running: the thread is left to finish it (or
    /// never), reports the late result through the callback, and ends.
    /// </summary>
    /// <returns>True when the call was still running and is now abandoned; false when it had already returned (the worker stays usable).</returns>
    /// <remarks>
    /// One compare-and-swap decides the race with the call returning: either the worker sees
    /// <c>Running</c> and finishes normally, or the runner sees it and marks it abandoned; never both.
    /// </remarks>
    public bool TryAbandon() => Interlocked.CompareExchange(ref _state, Abandoned, Running) == Running;

    public void Dispose()
    {
        _stopped = true;
        if (Volatile.Read(ref _state) != Abandoned)
        {
            _go.Release();
            _thread.Join();
            _go.Dispose();
        }
    }

    private void Loop(int? cpu)
    {
        if (cpu is int c)
        {
            _ = RealTime.ThreadPlacement.PinCurrentThread(c);
        }

        while (true)
        {
            _go.Wait();
            if (_stopped)
            {
                return;
            }

            ContextResult result = _job!();
            if (Interlocked.CompareExchange(ref _state, Idle, Running) == Running)
            {
                _done!.TrySetResult(result);
                continue;
            }

            // Abandoned while it ran: nobody waits for this result any more.
            _done!.TrySetResult(result);
            _onLateResult();
            return;
        }
    }
}
