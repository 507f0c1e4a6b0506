using MultiRate.Core.Modules;

namespace MultiRate.Scheduling.Tests.Resilience;

/// <summary>
/// A context module whose first call blocks until <see cref="Release"/> (a stuck model); later calls
/// return at once. Counts its calls and whether a call is inside it, so tests can tell that it was
/// never re-entered.
/// </summary>
internal sealed class BlockingContext : IContextModule, IDisposable
{
    private readonly ManualResetEventSlim _gate = new(false);
    private int _calls;
    private int _inside;
    private int _maxInside;

    public int ObservationSize => 1;

    public int LatentSize => 2;

    public int HistoryLength => 1;

    /// <summary>Set when the first (blocking) call has entered the module.</summary>
    public ManualResetEventSlim Entered { get; } = new(false);

    /// <summary>Set when the first (blocking) call has left the module.</summary>
    public ManualResetEventSlim Left { get; } = new(false);

    public int Calls => Volatile.Read(ref _calls);

    /// <summary>Most calls that were inside the module at once (1 unless it was re-entered).</summary>
    public int MaxInside => Volatile.Read(ref _maxInside);

    /// <summary>Lets the stuck call return.</summary>
    public void Release() => _gate.Set();

    public void WarmUp(int iterations)
    {
    }

    public ContextResult Update(in ContextRequest request)
    {
        int call = Interlocked.Increment(ref _calls);
        int inside = Interlocked.Increment(ref _inside);
        InterlockedMax(ref _maxInside, inside);
        try
        {
            if (call == 1)
            {
                Entered.Set();
                _gate.Wait();
                Left.Set();
            }

            return new ContextResult(ModuleOutcome.Ok, [call, request.TickIndex], 1);
        }
        finally
        {
            Interlocked.Decrement(ref _inside);
        }
    }

    public void Dispose()
    {
        _gate.Set();
        _gate.Dispose();
        Entered.Dispose();
        Left.Dispose();
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int seen = Volatile.Read(ref target);
        while (value > seen)
        {
            int previous = Interlocked.CompareExchange(ref target, value, seen);
            if (previous == seen)
            {
                return;
            }

            seen = previous;
        }
    }
}
