namespace MultiRate.Core.Modules;

/// <summary>How one module invocation ended. Modules return this instead of throwing across the tick boundary.</summary>
public enum ModuleOutcome
{
    /// <summary>The output is valid.</summary>
    Ok,

    /// <summary>The module threw or failed; the output must not be used.</summary>
    Faulted,

    /// <summary>The output contained NaN or infinity; it must not be used.</summary>
    NonFinite,

    /// <summary>The module ran out of time; the output must not be used.</summary>
    TimedOut,
}
