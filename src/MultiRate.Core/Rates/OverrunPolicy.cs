namespace MultiRate.Core.Rates;

/// <summary>What a clock does when its work is not done by its deadline.</summary>
public enum OverrunPolicy
{
    /// <summary>Skip the triggers that fall while the work still runs, keep the last result, count the skips.</summary>
    Skip,

    /// <summary>The output stage re-emits the last emitted action at the deadline (action clocks only).</summary>
    Hold,

    /// <summary>The output stage emits the profile's safe action at the deadline (action clocks only).</summary>
    SafeAction,
}
