namespace MultiRate.Cli.Dashboard;

/// <summary>Lets at most one refresh through per interval, on an injected clock (so tests need no sleeps).</summary>
/// <remarks>One caller thread (the dashboard thread).</remarks>
internal sealed class RefreshGate
{
    private readonly TimeProvider _time;
    private readonly TimeSpan _interval;
    private long _last;
    private bool _any;

    /// <summary>Creates a gate; when <paramref name="openAtStart"/> is false the first refresh waits a full interval.</summary>
    public RefreshGate(TimeSpan interval, TimeProvider time, bool openAtStart)
    {
        _interval = interval;
        _time = time;
        _last = time.GetTimestamp();
        _any = !openAtStart;
    }

    /// <summary>The shortest time between two refreshes.</summary>
    public TimeSpan Interval => _interval;

    /// <summary>True (and the interval restarts) when a refresh may happen now.</summary>
    public bool TryEnter()
    {
        long now = _time.GetTimestamp();
        if (_any && _time.GetElapsedTime(_last, now) < _interval)
        {
            return false;
        }

        _last = now;
        _any = true;
        return true;
    }

    /// <summary>How long until <see cref="TryEnter"/> can next succeed.</summary>
    public TimeSpan UntilOpen()
    {
        if (!_any)
        {
            return TimeSpan.Zero;
        }

        TimeSpan left = _interval - _time.GetElapsedTime(_last);
        return left > TimeSpan.Zero ? left : TimeSpan.Zero;
    }
}
