using System.Globalization;
using DiffPlex;
using DiffPlex.Renderer;
using MultiRate.Configuration.Rates;
using MultiRate.Core.Errors;
using MultiRate.Core.Files;
using MultiRate.Core.Rates;
using MultiRate.Bench.Profile;

namespace MultiRate.Bench.Tuning;

/// <summary>
/// Backend of <c>multirate tune</c>: applies a benchmark's recommendations to a profile's text,
/// changing only the values (budgets; rates that cannot fit when asked), validates the result with
/// the profile loader, and renders the unified diff.
/// </summary>
/// <remarks>
/// The text is edited at the scalar spans the YAML parser reports, never re-serialised, so every
/// comment, blank line, key order and flow mapping stays. Pure apart from <see cref="Write"/>.
/// </remarks>
public static class ProfileTuner
{
    /// <summary>Where the tuned profile of <paramref name="profilePath"/> goes: <c>&lt;dir&gt;/&lt;stem&gt;.tuned&lt;ext&gt;</c>.</summary>
    public static string TunedPathFor(string profilePath)
    {
        ArgumentNullException.ThrowIfNull(profilePath);
        string dir = Path.GetDirectoryName(profilePath) ?? string.Empty;
        string ext = Path.GetExtension(profilePath);
        return Path.Combine(dir, Path.GetFileNameWithoutExtension(profilePath) + ".tuned" + (ext.Length == 0 ? ".yaml" : ext));
    }

    /// <summary>Computes the tuned profile.</summary>
    /// <param name="profilePath">The profile's path (for messages and the tuned path).</param>
    /// <param name="originalText">The profile's text.</param>
    /// <param name="report">Recommendations for (some of) its clocks.</param>
    /// <param name="options">What may change.</param>
    /// <exception cref="ValidationException">The original profile is invalid.</exception>
    /// <exception cref="TuningInputException">The report names a clock the profile does not have.</exception>
    public static TuneResult Tune(string profilePath, string originalText, ProfileBenchReport report, TuneOptions options)
    {
        ArgumentNullException.ThrowIfNull(profilePath);
        ArgumentNullException.ThrowIfNull(originalText);
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(options);
        RateProfile current = RateProfileLoader.Parse(originalText, profilePath);
        string tunedPath = TunedPathFor(profilePath);
        var changes = new List<TuneChange>();
        var edits = new List<(int Start, int End, string NewValue)>();
        var notes = new List<string>();
        foreach (ClockRecommendation rec in report.Clocks)
        {
            ClockDefinition clock = current.Clocks.FirstOrDefault(c => c.Name == rec.Name)
                ?? throw new TuningInputException($"{profilePath}: clocks.{rec.Name}: the recommendations name clock '{rec.Name}', which this profile does not have");
            if (rec.RecommendedBudgetUs != clock.BudgetUs)
            {
                Change(originalText, profilePath, clock, "budget_us", clock.BudgetUs, rec.RecommendedBudgetUs, BudgetReason(rec), changes, edits);
            }

            if (!rec.FitsCurrentRate)
            {
                RateDoesNotFit(originalText, profilePath, current, clock, rec, options, changes, edits, notes);
            }

            if (clock.LatencyUs is long latency && latency > rec.RecommendedBudgetUs)
            {
                notes.Add(Inv($"clock '{clock.Name}': latency_us {latency} (what replay and training assume) exceeds the new budget {rec.RecommendedBudgetUs} us; left unchanged, review it"));
            }
        }

        foreach (ClockDefinition unmeasured in current.Clocks.Where(c => report.Clocks.All(r => r.Name != c.Name)))
        {
            notes.Add($"clock '{unmeasured.Name}': not in the measurements; left unchanged");
        }

        string tuned = YamlScalarEdits.Apply(originalText, edits);
        (string? errors, bool hot) = Check(tuned, tunedPath, current);
        changes.Sort((a, b) => a.Line.CompareTo(b.Line));
        return new TuneResult(profilePath, tunedPath, tuned, changes, notes, Diff(originalText, tuned, profilePath, tunedPath), errors, hot);
    }

    /// <summary>Writes the tuned profile (through a checked, locked, renamed output); refuses (writes nothing) when it did not validate.</summary>
    /// <param name="result">The tuning outcome.</param>
    /// <param name="otherInputs">The command's other inputs (config, saved bench): the tuned path may not be one of them, nor the profile.</param>
    /// <exception cref="TuningInputException">The tuned profile is invalid; the message lists the validator's errors.</exception>
    /// <exception cref="UserInputException">The tuned path is an input, in use, or cannot be written.</exception>
    public static void Write(TuneResult result, IEnumerable<string?>? otherInputs = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (!result.IsValid)
        {
            throw new TuningInputException($"refusing to write {result.TunedPath}: the tuned profile does not validate:{Environment.NewLine}{result.ValidationErrors}");
        }

        OutputFile.WriteAllText(result.TunedPath, result.TunedText, [result.OriginalPath, .. otherInputs ?? []], "multirate tune --write");
    }

    private static void RateDoesNotFit(string text, string path, RateProfile current, ClockDefinition clock, ClockRecommendation rec, TuneOptions options, List<TuneChange> changes, List<(int, int, string)> edits, List<string> notes)
    {
        string period = Inv($"{1_000_000m / clock.RateHz:0.###} us");
        if (rec.MaxRateHz == 0)
        {
            notes.Add(Inv($"clock '{clock.Name}': the recommended budget {rec.RecommendedBudgetUs} us does not fit even a 1 Hz period; no rate can run this module with this margin: use a lighter model or a faster machine"));
        }
        else if (options.LowerRates)
        {
            string reason = Inv($"budget {rec.RecommendedBudgetUs} us does not fit the {period} period at {clock.RateHz} Hz; {rec.MaxRateHz} Hz is the highest divisor of base_tick_hz {current.BaseTickHz} whose period is longer");
            Change(text, path, clock, "rate_hz", clock.RateHz, rec.MaxRateHz, reason, changes, edits);
            notes.Add(Inv($"clock '{clock.Name}': rate lowered {clock.RateHz} -> {rec.MaxRateHz} Hz: a schedule change (restart, no hot reload); its history window now spans a longer time and latents get older, so review latent.age_limit_ms and the handoffs"));
        }
        else
        {
            notes.Add(Inv($"clock '{clock.Name}': the recommended budget {rec.RecommendedBudgetUs} us does not fit its {period} period at {clock.RateHz} Hz, so the tuned profile fails validation; pass --lower-rates to lower it to {rec.MaxRateHz} Hz, or use a lighter model"));
        }
    }

    private static void Change(string text, string path, ClockDefinition clock, string key, long oldValue, long newValue, string reason, List<TuneChange> changes, List<(int, int, string)> edits)
    {
        var (start, end, line, value) = YamlScalarEdits.Find(text, path, clock.Name, key)
            ?? throw new TuningInputException($"{path}: clocks.{clock.Name}.{key}: not found in the text; expected the key the profile validated with");
        if (!long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out long parsed) || parsed != oldValue)
        {
            throw new TuningInputException(Inv($"{path}:{line}: clocks.{clock.Name}.{key}: written as '{value}'; expected a plain whole number ({oldValue}) to replace in place"));
        }

        edits.Add((start, end, newValue.ToString(CultureInfo.InvariantCulture)));
        changes.Add(new TuneChange(clock.Name, key, line, oldValue, newValue, reason));
    }

    private static string BudgetReason(ClockRecommendation rec)
    {
        string verdict = rec.Verdict switch
        {
            BudgetVerdict.TooTight => "the current budget is too tight",
            BudgetVerdict.TooLoose => "the current budget is too loose (at least twice the recommendation)",
            _ => "the current budget is within 2x of the recommendation",
        };
        return Inv($"p{rec.Policy.Quantile} {rec.QuantileUs:0.###} us x {rec.Policy.Margin} -> {rec.RecommendedBudgetUs} us ({rec.Latency.Samples} samples); {verdict}");
    }

    private static (string? Errors, bool HotReloadable) Check(string tuned, string tunedPath, RateProfile current)
    {
        try
        {
            RateProfileLoader.Parse(tuned, tunedPath);
        }
        catch (ValidationException ex)
        {
            return (ex.Message, false);
        }

        try
        {
            RateProfileLoader.ParseEdit(tuned, tunedPath, current);
            return (null, true);
        }
        catch (ValidationException)
        {
            return (null, false);
        }
    }

    private static string Diff(string original, string tuned, string originalPath, string tunedPath)
    {
        if (original == tuned)
        {
            return string.Empty;
        }

        // Both texts end alike; without the final newline the renderer does not count an extra empty line.
        var renderer = new UnidiffRenderer(new Differ(), 3);
        return renderer.Generate(original.TrimEnd('\n'), tuned.TrimEnd('\n'), originalPath, tunedPath);
    }

    private static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
