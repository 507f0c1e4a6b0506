using MultiRate.Core.Modules;

namespace MultiRate.Scheduling.Resilience;

/// <summary>
/// Real time: one thread that runs module calls handed to it, so the slow runner can stop waiting for
/// a call that never returns (<see cref="Abandon"/>) and carry on with a fresh worker.
/// </summary>
/// <remarks>
/// One call at a time. An abandoned worker's thread ends when (if ever) its call returns; that late
/// result is discarded and reported through the callback given at construction.
/// </remarks>
internal sealed class ComputeWorker : IDisposable
{
    private readonly SemaphoreSlim _go = new(0);
    private readonly Thread _thread;
    private readonly Action _onLateResult;
    private Func<ContextResult>? _job;
    private TaskCompletionSource<ContextResult>? _done;
    private volatile bool _busy;
    private volatile bool _abandoned;
    private volatile bool _stopped;

    public ComputeWorker(string name, int? cpu, Action onLateResult)
    {
        _onLateResult = onLateResult;
        _thread = new Thread(() => Loop(cpu)) { IsBackground = true, Name = name };
        _thread.Start();
    }

    /// <summary>True while a call runs.</summary>
    public bool Busy => _busy;

    /// <summary>Hands one call to the worker; the task completes when it returns.</summary>
    public Task<ContextResult> Run(Func<ContextResult> job)
    {
        var done = new TaskCompletionSource<ContextResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        _job = job;
        _done = done;
        _busy = true;
        _go.Release();
        return done.Task;
    }

    /// <summary>Gives up on the call in progress: the thread is left to finish it (or never) and then ends.</summary>
    public void Abandon()
    {
        _abandoned = true;
        _stopped = true;
        _go.Release();
    }

    public void Dispose()
    {
        _stopped = true;
        _go.Release();
        if (!_abandoned)
        {
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
            if (_stopped && !_busy)
            {
                return;
            }

            ContextResult result = _job!();
            _busy = false;
            _done!.TrySetResult(result);
            if (_abandoned)
            {
                _onLateResult();
                return;
            }
        }
    }
}
