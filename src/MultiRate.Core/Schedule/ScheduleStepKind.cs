namespace MultiRate.Core.Schedule;

/// <summary>What happens in one step of the schedule calendar (see <see cref="ScheduleCalendar"/>).</summary>
public enum ScheduleStepKind
{
    /// <summary>A slow update finishes (its trigger time plus the clock's declared latency).</summary>
    Complete,

    /// <summary>The action clock samples its sensors and appends one context row to the history.</summary>
    Observe,

    /// <summary>A slow clock's snapshot becomes visible to its readers.</summary>
    Publish,

    /// <summary>A slow clock starts an update on the history (and upstream latent) as they are now.</summary>
    Trigger,

    /// <summary>A slow clock's trigger is skipped: its previous update is still running (busy).</summary>
    Skip,

    /// <summary>The action clock reads the latest visible latent, runs the head and emits one action.</summary>
    Act,
}
