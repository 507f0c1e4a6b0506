namespace MultiRate.Cli.Reporting;

/// <summary>Everything <c>multirate report</c> draws and tabulates, read from one recording.</summary>
internal sealed class RecordingData
{
    public required string Path { get; init; }

    /// <summary>The file ended without a footer (a crashed run): only complete chunks were read.</summary>
    public required bool Truncated { get; init; }

    /// <summary>The <c>multirate.profile</c> metadata (empty when the file has no readable summary).</summary>
    public required IReadOnlyDictionary<string, string> Profile { get; init; }

    /// <summary>Per-clock timings: the action clock first, then the slow clocks by name.</summary>
    public required IReadOnlyList<ClockSeries> Clocks { get; init; }

    /// <summary>Latents by publishing clock.</summary>
    public required IReadOnlyList<LatentSeries> Latents { get; init; }

    /// <summary>Actions by kind (model, degraded, hold, safe).</summary>
    public required IReadOnlyDictionary<string, long> ActionsByKind { get; init; }

    /// <summary>Run time of every fallback action (hold or safe), seconds from tick 0.</summary>
    public required IReadOnlyList<double> FallbackTimesS { get; init; }

    /// <summary>Recorded faults (<c>/multirate/faults</c>) counted by (kind, source); empty for recordings made before faults were recorded.</summary>
    public required IReadOnlyDictionary<(string Kind, string Source), long> Faults { get; init; }

    /// <summary>
    /// The run's summary as recorded (<c>/multirate/summary</c>, written by the one summary writer: the
    /// same object as <c>run --json</c>); null for a file without one (a crashed run).
    /// </summary>
    public System.Text.Json.Nodes.JsonObject? Summary { get; init; }

    public long Actions => ActionsByKind.Values.Sum();

    /// <summary>The action clock's series.</summary>
    public ClockSeries ActionClock => Clocks[0];

    /// <summary>The profile's latent age limit, ms, when the file records it.</summary>
    public double? AgeLimitMs =>
        Profile.TryGetValue("latent.age_limit_ms", out string? v) && double.TryParse(v, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out double ms) ? ms : null;
}
