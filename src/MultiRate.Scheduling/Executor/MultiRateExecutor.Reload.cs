using MultiRate.Core.Rates;

namespace MultiRate.Scheduling.Executor;

/// <summary>Hot reload: budgets, policies, latencies and action limits change between two ticks.</summary>
public sealed partial class MultiRateExecutor
{
    /// <summary>The profile in effect (changes at a tick boundary after <see cref="Reload"/>).</summary>
    public RateProfile Profile => Volatile.Read(ref _current);

    /// <summary>
    /// Hot reload: <paramref name="updated"/> (already validated as a live edit of the current profile:
    /// only budgets, overrun policies, latencies, the stale-latent policy and action limits differ)
    /// takes effect at the next base-tick boundary. Safe to call from any thread.
    /// </summary>
    public void Reload(RateProfile updated)
    {
        ArgumentNullException.ThrowIfNull(updated);
        if (updated.BaseTickHz != _profile.BaseTickHz || updated.Action.Dimension != _profile.Action.Dimension
            || updated.Clocks.Count != _profile.Clocks.Count || updated.Clocks.Any(c => !_profile.Clocks.Any(o => o.Name == c.Name && o.RateHz == c.RateHz && o.OffsetTicks == c.OffsetTicks)))
        {
            throw new ArgumentException("a live reload may change budgets, policies and limits only; validate it with ProfileValidator.ValidateEdit first", nameof(updated));
        }

        Volatile.Write(ref _pendingReload, updated);
    }

    /// <summary>Applies a pending reload on the dispatcher thread, between two ticks.</summary>
    private void ApplyReload(long baseTick)
    {
        RateProfile? updated = Interlocked.Exchange(ref _pendingReload, null);
        if (updated is null)
        {
            return;
        }

        foreach (SlowStage s in _slow)
        {
            s.Clock = updated.Clock(s.Clock.Name);
            s.Stats.BudgetNs = s.Clock.BudgetNs;
        }

        _fast.Clock = updated.ActionClock;
        _fast.Stats.BudgetNs = _fast.Clock.BudgetNs;
        _fast.Latent = updated.Latent;

        // The watchdog's deadlines follow the new budget and policy (it timed them from the old ones).
        Volatile.Read(ref _watchdog)?.Retime(baseTick);
        _output.UpdateLimits(updated.Action);
        Volatile.Write(ref _current, updated);
        Reloads++;
    }

    /// <summary>Test hook: the budget the running deadline watchdog times its deadlines with (null when none runs).</summary>
    internal long? WatchdogBudgetNs => Volatile.Read(ref _watchdog)?.BudgetNs;

    /// <summary>Reloads applied so far.</summary>
    public long Reloads { get; private set; }
}
