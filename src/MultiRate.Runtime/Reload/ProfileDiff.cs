using System.Globalization;
using System.Text;
using MultiRate.Core.Rates;

namespace MultiRate.Runtime.Reload;

/// <summary>Lists what differs between two profiles in the live-changeable fields, as <c>key old -> new</c>.</summary>
/// <remarks>Only the fields a live edit may change are compared; the edit rules already refused the rest.</remarks>
internal static class ProfileDiff
{
    public static IReadOnlyList<string> Describe(RateProfile old, RateProfile now)
    {
        var changes = new List<string>();
        foreach (ClockDefinition o in old.Clocks)
        {
            ClockDefinition? n = now.Clocks.FirstOrDefault(c => c.Name == o.Name);
            if (n is null)
            {
                continue;
            }

            string key = "clocks." + o.Name;
            Add(changes, key + ".budget_us", N(o.BudgetUs), N(n.BudgetUs));
            Add(changes, key + ".overrun", Snake(o.Overrun), Snake(n.Overrun));
            Add(changes, key + ".latency_us", o.LatencyUs is long a ? N(a) : "none", n.LatencyUs is long b ? N(b) : "none");
        }

        Add(changes, "latent.age_limit_ms", D(old.Latent.AgeLimitMs), D(now.Latent.AgeLimitMs));
        Add(changes, "latent.on_stale", Snake(old.Latent.OnStale), Snake(now.Latent.OnStale));
        Add(changes, "action.safe", List(old.Action.Safe), List(now.Action.Safe));
        Add(changes, "action.min", List(old.Action.Min), List(now.Action.Min));
        Add(changes, "action.max", List(old.Action.Max), List(now.Action.Max));
        Add(changes, "action.max_rate_per_s", List(old.Action.MaxRatePerSecond), List(now.Action.MaxRatePerSecond));
        return changes;
    }

    private static void Add(List<string> changes, string key, string old, string now)
    {
        if (old != now)
        {
            changes.Add($"{key} {old} -> {now}");
        }
    }

    private static string N(long v) => v.ToString(CultureInfo.InvariantCulture);

    private static string D(double v) => v.ToString("R", CultureInfo.InvariantCulture);

    private static string List(IReadOnlyList<double>? values) => values is null ? "none" : "[" + string.Join(", ", values.Select(D)) + "]";

    /// <summary>The YAML spelling of an enum value: <c>SafeAction</c> becomes <c>safe_action</c>.</summary>
    private static string Snake<T>(T value)
        where T : struct, Enum
    {
        string name = value.ToString();
        var sb = new StringBuilder(name.Length + 4);
        for (int i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0)
            {
                sb.Append('_');
            }

            sb.Append(char.ToLowerInvariant(name[i]));
        }

        return sb.ToString();
    }
}
