namespace MultiRate.Recording;

/// <summary>
/// The names a <c>--record</c> MCAP file uses: topics, schema names and metadata records. Readers
/// (<c>multirate report</c>, Foxglove layouts) address the channels by these names.
/// </summary>
/// <remarks>
/// Every channel is <c>json</c>-encoded with a <c>jsonschema</c> schema. Fields are flat numbers,
/// strings and booleans so that Foxglove's plot panel can address them directly, e.g.
/// <c>/multirate/ticks/head.latency_us</c> and <c>/multirate/ticks/head.budget_us</c>.
/// </remarks>
public static class RecordingTopics
{
    /// <summary>Every emitted action: tick, time, kind (model/degraded/hold/safe) and values.</summary>
    public const string Actions = "/multirate/actions";

    /// <summary>Prefix of the per-clock timing topics: <c>/multirate/ticks/&lt;clock&gt;</c>.</summary>
    public const string TicksPrefix = "/multirate/ticks/";

    /// <summary>Prefix of the per-clock latent topics: <c>/multirate/latents/&lt;clock&gt;</c>.</summary>
    public const string LatentsPrefix = "/multirate/latents/";

    /// <summary>Every counted fault: kind, source (clock, sensor stream or sink), tick and time.</summary>
    public const string Faults = "/multirate/faults";

    /// <summary>The run's summary, one message written when the recorder is disposed (if given).</summary>
    public const string Summary = "/multirate/summary";

    /// <summary>Schema name of <see cref="Actions"/>.</summary>
    public const string ActionSchema = "multirate.Action";

    /// <summary>Schema name of the action clock's timing topic.</summary>
    public const string FastTickSchema = "multirate.FastTick";

    /// <summary>Schema name of a slow clock's timing topic.</summary>
    public const string SlowTickSchema = "multirate.SlowTick";

    /// <summary>Schema name of the latent topics.</summary>
    public const string LatentSchema = "multirate.Latent";

    /// <summary>Schema name of <see cref="Faults"/>.</summary>
    public const string FaultSchema = "multirate.Fault";

    /// <summary>Schema name of <see cref="Summary"/>.</summary>
    public const string SummarySchema = "multirate.RunSummary";

    /// <summary>Name of the metadata record that describes the profile (clocks, rates, budgets, time base).</summary>
    public const string ProfileMetadata = "multirate.profile";

    /// <summary>Name of the metadata record written at the end: events recorded and dropped.</summary>
    public const string RecorderMetadata = "multirate.recorder";

    /// <summary>Name of the attachment holding the rate profile's YAML text (when it came from a file).</summary>
    public const string ProfileAttachment = "profile.yaml";

    /// <summary>The timing topic of <paramref name="clock"/>.</summary>
    public static string Ticks(string clock) => TicksPrefix + clock;

    /// <summary>The latent topic of <paramref name="clock"/>.</summary>
    public static string Latents(string clock) => LatentsPrefix + clock;
}
