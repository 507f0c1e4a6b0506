using System.Globalization;
using System.Text.Json;
using MultiRate.Core.Rates;
using MultiRate.Core.IO;
using MultiRate.Bench.Tuning;

namespace MultiRate.Bench.Profile;

/// <summary>A benchmark saved with <c>multirate bench profile --json</c>, read back for <c>multirate tune --from</c>.</summary>
/// <param name="Path">The file it was read from.</param>
/// <param name="Profile">Profile name it was measured for.</param>
/// <param name="Config">Model config name.</param>
/// <param name="Policy">The quantile and margin it was saved with.</param>
/// <param name="Clocks">Measured latency by clock name, in file order.</param>
public sealed record SavedBench(string Path, string Profile, string Config, TuningPolicy Policy, IReadOnlyList<KeyValuePair<string, ClockLatency>> Clocks)
{
    /// <summary>Reads and checks a saved benchmark.</summary>
    /// <exception cref="TuningInputException">Missing file, invalid JSON, or a missing or mistyped field; the message names the file and key.</exception>
    public static SavedBench Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            throw new TuningInputException($"saved benchmark '{path}' not found (looked at '{System.IO.Path.GetFullPath(path)}'); expected the output of 'multirate bench profile --json'");
        }

        return Parse(InputFiles.ReadText(path, "saved benchmark", InputFiles.ConfigCapBytes), path);
    }

    /// <summary>Parses saved benchmark text; <paramref name="path"/> names it in messages.</summary>
    public static SavedBench Parse(string json, string path)
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            using JsonDocument doc = JsonDocument.Parse(json);
            var reader = new SavedBenchFields(path);
            JsonElement root = reader.Object(doc.RootElement, "(root)");
            string profile = reader.String(root, "profile");
            string config = reader.String(root, "config");
            var policy = new TuningPolicy(reader.Number(root, "quantile"), reader.Number(root, "margin"));
            policy.Validate($"{path}: quantile/margin");
            var clocks = new List<KeyValuePair<string, ClockLatency>>();
            int i = 0;
            foreach (JsonElement c in reader.Array(root, "clocks").EnumerateArray())
            {
                string key = $"clocks[{i++}]";
                JsonElement clock = reader.Object(c, key);
                string name = reader.String(clock, "name", key);
                clocks.Add(new(name, reader.Latency(clock, key, name)));
            }

            if (clocks.Count == 0)
            {
                throw new TuningInputException($"{path}: clocks: the array is empty; expected one entry per measured clock");
            }

            return new SavedBench(path, profile, config, policy, clocks);
        }
        catch (JsonException ex)
        {
            string at = string.Create(CultureInfo.InvariantCulture, $"{(ex.LineNumber ?? 0) + 1}:{(ex.BytePositionInLine ?? 0) + 1}");
            throw new TuningInputException($"{path}:{at}: not valid JSON ({ex.Message.Split(" Path:", 2)[0]}); expected the output of 'multirate bench profile --json'", ex);
        }
    }

    /// <summary>
    /// Recommends budgets for <paramref name="profile"/> from these measurements with <paramref name="policy"/>
    /// (the profile's current budgets and rates are the baseline, not the saved ones).
    /// </summary>
    /// <exception cref="TuningInputException">A saved clock is not a clock of <paramref name="profile"/>.</exception>
    public ProfileBenchReport Recommend(RateProfile profile, TuningPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(policy);
        var result = new List<ClockRecommendation>();
        for (int i = 0; i < Clocks.Count; i++)
        {
            (string name, ClockLatency latency) = Clocks[i];
            ClockDefinition? clock = profile.Clocks.FirstOrDefault(c => c.Name == name);
            if (clock is null)
            {
                throw new TuningInputException(
                    $"{Path}: clocks[{i}].name: clock '{name}' is not in profile '{profile.Name}' ({profile.SourcePath}); " +
                    $"its clocks are: {string.Join(", ", profile.Clocks.Select(c => c.Name))}. Was the benchmark run with another profile?");
            }

            result.Add(BudgetRecommender.Recommend(clock, latency, policy, profile.BaseTickHz));
        }

        // Profile order (slowest first), like a fresh benchmark.
        result.Sort((a, b) => IndexOf(profile, a.Name).CompareTo(IndexOf(profile, b.Name)));
        return new ProfileBenchReport(profile.Name, Config, profile.BaseTickHz, policy, result) { Method = "saved" };
    }

    /// <summary>
    /// Refuses measurements taken for another profile or model config: their budgets belong to another
    /// graph (other modules, rates, history windows). <paramref name="force"/> uses them anyway.
    /// </summary>
    /// <param name="profile">The profile being tuned.</param>
    /// <param name="config">The model config name the tuned profile will run with.</param>
    /// <param name="force">Use mismatched measurements (<c>--force</c>).</param>
    /// <returns>Notes on what was forced; empty when everything matches.</returns>
    /// <exception cref="TuningInputException">A mismatch without <paramref name="force"/>.</exception>
    public IReadOnlyList<string> CheckMatches(RateProfile profile, string config, bool force)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(config);
        var mismatches = new List<string>();
        if (Profile != profile.Name)
        {
            mismatches.Add($"{Path}: profile: measured for profile '{Profile}', but this is '{profile.Name}' ({profile.SourcePath})");
        }

        if (Config != config)
        {
            mismatches.Add($"{Path}: config: measured with model config '{Config}', but this run uses '{config}'");
        }

        if (mismatches.Count > 0 && !force)
        {
            throw new TuningInputException(
                string.Join(Environment.NewLine, mismatches) +
                $"{Environment.NewLine}measurements of another graph do not tell what this one needs; measure this profile (tune without --from, or 'multirate bench profile --rates {profile.SourcePath} --json'), or pass --force to use them anyway");
        }

        return [.. mismatches.Select(m => "forced: " + m)];
    }

    private static int IndexOf(RateProfile profile, string clock) => profile.Clocks.ToList().FindIndex(c => c.Name == clock);
}
