namespace MultiRate.Runtime.Reload;

/// <summary>What a profile edit did.</summary>
public enum ReloadOutcome
{
    /// <summary>Valid and different: handed to the executor, which applies it at the next tick boundary.</summary>
    Applied,

    /// <summary>Valid but nothing live-changeable differs (e.g. a comment edit): nothing to do.</summary>
    Unchanged,

    /// <summary>Invalid, or it changes something that needs a restart: nothing applied, the old values stay.</summary>
    Rejected,
}
