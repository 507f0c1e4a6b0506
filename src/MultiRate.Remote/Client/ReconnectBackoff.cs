namespace MultiRate.Remote.Client;

/// <summary>
/// When to try the server again after it could not be reached: exponential backoff with a ceiling,
/// reset by the first answer. Time is a parameter, so the schedule is tested exactly.
/// </summary>
/// <remarks>
/// <code>
///  unreachable at t ──► wait initial ──► try ──► unreachable ──► wait 2 x initial ──► ... (at most max)
///                                         └ answered ──► reset: the next failure waits initial again
/// </code>
/// While waiting, an update fails at once (a counted context fault) instead of dialling a server that
/// is down at every trigger; the slow path's breaker sees those failures as it sees any other.
/// Used on the slow runner's compute thread only.
/// </remarks>
internal sealed class ReconnectBackoff(TimeSpan initial, TimeSpan max)
{
    private long _delayNs;

    /// <summary>Time before which no call is tried (ns, the caller's clock); 0 = any time.</summary>
    public long NextAttemptNs { get; private set; }

    /// <summary>Unreachable results in a row.</summary>
    public int Failures { get; private set; }

    /// <summary>True when a call may be tried at <paramref name="nowNs"/>.</summary>
    public bool MayTry(long nowNs) => nowNs >= NextAttemptNs;

    /// <summary>The server could not be reached at <paramref name="nowNs"/>: waits twice as long as last time (at most <c>max</c>).</summary>
    public void Unreachable(long nowNs)
    {
        long initialNs = (long)initial.TotalNanoseconds;
        long maxNs = (long)max.TotalNanoseconds;
        _delayNs = _delayNs == 0 ? initialNs : Math.Min(maxNs, _delayNs * 2);
        NextAttemptNs = nowNs + _delayNs;
        Failures++;
    }

    /// <summary>The server answered: the next failure starts from <c>initial</c> again.</summary>
    public void Answered()
    {
        _delayNs = 0;
        NextAttemptNs = 0;
        Failures = 0;
    }
}
