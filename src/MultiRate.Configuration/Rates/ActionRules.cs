using System.Globalization;
using MultiRate.Configuration.Yaml;
using MultiRate.Core.Rates;

namespace MultiRate.Configuration.Rates;

/// <summary>Checks the latent age limit, the tuning tolerance and the action's shape, limits and safe value.</summary>
internal static class ActionRules
{
    /// <summary>Reports every problem into <paramref name="map"/>.</summary>
    public static void Check(RateProfile p, SourceMap map)
    {
        double age = p.Latent.AgeLimitMs;
        if (map.IsValid("latent.age_limit_ms") && !(age > 0 && double.IsFinite(age)))
        {
            map.Report("latent.age_limit_ms", Inv($"age_limit_ms must be greater than 0 (the latent age in ms past which on_stale applies), got {age}"));
        }

        double tolerance = p.Tuning.MissTolerance;
        if (map.IsValid("tuning.miss_tolerance") && !(tolerance >= 0 && tolerance <= 1))
        {
            map.Report("tuning.miss_tolerance", Inv($"miss_tolerance must be a fraction of ticks from 0 to 1 (e.g. 0.01 = 1%), got {tolerance}"));
        }

        ActionSpec a = p.Action;
        if (!map.IsValid("action.dimension"))
        {
            return;
        }

        if (a.Dimension < 1)
        {
            map.Report("action.dimension", Inv($"dimension must be >= 1 (the length of the action vector), got {a.Dimension}"));
            return;
        }

        bool safe = CheckList("safe", a.Safe, a.Dimension, map);
        bool min = CheckList("min", a.Min, a.Dimension, map);
        bool max = CheckList("max", a.Max, a.Dimension, map);
        if (a.MaxRatePerSecond is { } rates && CheckList("max_rate_per_s", rates, a.Dimension, map))
        {
            for (int i = 0; i < rates.Count; i++)
            {
                if (!(rates[i] > 0))
                {
                    map.Report($"action.max_rate_per_s[{i}]", Inv($"max_rate_per_s[{i}] must be > 0 (units per second), got {rates[i]}"));
                }
            }
        }

        if (!(min && max))
        {
            return;
        }

        for (int i = 0; i < a.Dimension; i++)
        {
            if (a.Min[i] > a.Max[i])
            {
                map.Report($"action.min[{i}]", Inv($"min[{i}] = {a.Min[i]} is above max[{i}] = {a.Max[i]}; need min <= safe <= max"));
            }
            else if (safe && (a.Safe[i] < a.Min[i] || a.Safe[i] > a.Max[i]))
            {
                map.Report(
                    $"action.safe[{i}]",
                    Inv($"safe[{i}] = {a.Safe[i]} is outside [min, max] = [{a.Min[i]}, {a.Max[i]}]; the safe action must respect the limits"));
            }
        }

        CheckOnStop(a, map, safe && (a.MaxRatePerSecond is null || map.IsValid("action.max_rate_per_s")));
    }

    /// <summary>Checks on_stop.max_ms: positive, and long enough for the rate limits to reach safe from the worst-case action.</summary>
    private static void CheckOnStop(ActionSpec a, SourceMap map, bool comparable)
    {
        if (a.OnStopMaxMs is not { } bound || !map.IsValid("action.on_stop.max_ms"))
        {
            return;
        }

        if (!(bound > 0 && double.IsFinite(bound)))
        {
            map.Report("action.on_stop.max_ms", Inv($"on_stop.max_ms must be greater than 0 (the longest a stop may take to reach the safe action, ms), got {bound}"));
            return;
        }

        double worst = comparable ? a.WorstCaseStopMs() : 0;
        if (worst > bound)
        {
            map.Report(
                "action.on_stop.max_ms",
                Inv($"on_stop.max_ms = {bound} is too short: from the farthest action in [min, max], max_rate_per_s needs {worst:0.###} ms to reach the safe action; raise max_ms to at least {Math.Ceiling(worst)} or the rate limits"));
        }
    }

    /// <summary>Checks a per-dimension list's length and finiteness; true when it can be compared element-wise.</summary>
    private static bool CheckList(string key, IReadOnlyList<double> values, int dimension, SourceMap map)
    {
        string path = "action." + key;
        if (!map.IsValid(path))
        {
            return false;
        }

        if (values.Count != dimension)
        {
            map.Report(path, Inv($"{key} has {values.Count} values but dimension is {dimension}; give exactly {dimension} values"));
            return false;
        }

        bool ok = true;
        for (int i = 0; i < values.Count; i++)
        {
            if (!double.IsFinite(values[i]))
            {
                // Only code-built profiles get here; the YAML reader already rejects non-finite numbers.
                map.Report($"{path}[{i}]", Inv($"{key}[{i}] must be a finite number, got {values[i]}"));
                ok = false;
            }
            else if (!float.IsFinite((float)values[i]))
            {
                // Actions travel as float32: a larger value becomes +-Inf on its way to the actuator.
                map.Report(
                    $"{path}[{i}]",
                    Inv($"{key}[{i}] = {values[i]:R} is outside the float32 range actions are sent in (|value| <= {float.MaxValue:R}); it would reach the robot as infinity"));
                ok = false;
            }
        }

        return ok;
    }

    private static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
