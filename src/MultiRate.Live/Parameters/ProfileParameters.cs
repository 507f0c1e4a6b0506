using System.Text.Json;
using MultiRate.Configuration.Rates;
using MultiRate.Core.Errors;
using MultiRate.Core.Rates;

namespace MultiRate.Live.Parameters;

/// <summary>
/// The profile's live-editable values as protocol parameters: <c>clocks.&lt;clock&gt;.budget_ms</c>,
/// <c>clocks.&lt;clock&gt;.overrun</c>, <c>latent.age_limit_ms</c> and <c>latent.on_stale</c>.
/// </summary>
/// <remarks>
/// An edit goes the way a saved rates file goes: the proposed profile is checked with
/// <see cref="ProfileValidator.ValidateEdit"/> against the profile in use and, when valid, handed to the
/// executor's reload (in effect at the next base tick). A refused edit changes nothing. Thread-safe;
/// never runs on a clock thread.
/// </remarks>
internal sealed class ProfileParameters
{
    private const string Budget = ".budget_ms";
    private const string Overrun = ".overrun";
    private const string AgeLimit = "latent.age_limit_ms";
    private const string OnStale = "latent.on_stale";

    private static readonly Dictionary<string, OverrunPolicy> OverrunNames = new(StringComparer.Ordinal)
    {
        ["skip"] = OverrunPolicy.Skip,
        ["hold"] = OverrunPolicy.Hold,
        ["safe_action"] = OverrunPolicy.SafeAction,
    };

    private static readonly Dictionary<string, StalePolicy> StaleNames = new(StringComparer.Ordinal)
    {
        ["degraded"] = StalePolicy.Degraded,
        ["safe_action"] = StalePolicy.SafeAction,
    };

    private readonly Lock _gate = new();
    private readonly RateProfile _initial;
    private Func<RateProfile>? _current;
    private Action<RateProfile>? _apply;
    private RateProfile? _requested;
    private RateProfile? _requestedFrom;

    public ProfileParameters(RateProfile profile)
    {
        _initial = profile;
        Names = [.. profile.Clocks.SelectMany(c => new[] { "clocks." + c.Name + Budget, "clocks." + c.Name + Overrun }), AgeLimit, OnStale];
    }

    /// <summary>Every parameter's name, in a fixed order.</summary>
    public IReadOnlyList<string> Names { get; }

    /// <summary>Connects the parameters to the running executor: its profile and its reload.</summary>
    public void Attach(Func<RateProfile> current, Action<RateProfile> apply)
    {
        lock (_gate)
        {
            _current = current;
            _apply = apply;
        }
    }

    /// <summary>The values of <paramref name="names"/> (every parameter when empty); unknown names are left out.</summary>
    public List<KeyValuePair<string, object>> Get(IReadOnlyCollection<string> names)
    {
        RateProfile profile;
        lock (_gate)
        {
            profile = Baseline();
        }

        IEnumerable<string> wanted = names.Count == 0 ? Names : names.Where(Names.Contains).Distinct(StringComparer.Ordinal);
        return [.. wanted.Select(n => new KeyValuePair<string, object>(n, Value(profile, n)))];
    }

    /// <summary>Validates and applies the edits together: all of them, or none with the reasons.</summary>
    public ParameterEdit Set(IReadOnlyList<KeyValuePair<string, JsonElement>> edits)
    {
        lock (_gate)
        {
            if (_apply is null)
            {
                return new ParameterEdit("setParameters refused: the parameters are live once a real-time run's clocks have started (a replay in virtual time keeps its profile); nothing changed", []);
            }

            RateProfile baseline = Baseline();
            var problems = new List<string>();
            RateProfile proposed = baseline;
            foreach (var (name, value) in edits)
            {
                proposed = With(proposed, name, value, problems);
            }

            if (problems.Count == 0)
            {
                foreach (ValidationError error in ProfileValidator.ValidateEdit(baseline, proposed))
                {
                    problems.Add(string.IsNullOrEmpty(error.KeyPath) ? error.Message : $"{error.KeyPath}: {error.Message}");
                }
            }

            if (problems.Count > 0)
            {
                string asked = string.Join(", ", edits.Select(e => $"{e.Key} = {e.Value.GetRawText()}"));
                return new ParameterEdit($"setParameters refused ({asked}); the parameters keep their values: {string.Join("; ", problems)}", []);
            }

            string[] changed = [.. Names.Where(n => !Equals(Value(baseline, n), Value(proposed, n)))];
            if (changed.Length > 0)
            {
                _apply(proposed);
                _requested = proposed;
                _requestedFrom = _current!();
            }

            return new ParameterEdit(null, changed);
        }
    }

    /// <summary>The profile to edit: the last one handed to the executor until it is in effect, then the executor's.</summary>
    private RateProfile Baseline()
    {
        if (_current is null)
        {
            return _initial;
        }

        RateProfile now = _current();
        return _requested is not null && ReferenceEquals(now, _requestedFrom) ? _requested : now;
    }

    private static object Value(RateProfile p, string name)
    {
        if (name == AgeLimit)
        {
            return p.Latent.AgeLimitMs;
        }

        if (name == OnStale)
        {
            return StaleNames.First(s => s.Value == p.Latent.OnStale).Key;
        }

        ClockDefinition clock = p.Clock(name["clocks.".Length..name.LastIndexOf('.')]);
        return name.EndsWith(Budget, StringComparison.Ordinal)
            ? clock.BudgetUs / 1000.0
            : OverrunNames.First(o => o.Value == clock.Overrun).Key;
    }

    private RateProfile With(RateProfile p, string name, JsonElement value, List<string> problems)
    {
        if (!Names.Contains(name))
        {
            problems.Add($"{name}: no such parameter (the parameters are {string.Join(", ", Names)})");
            return p;
        }

        if (name == AgeLimit)
        {
            return Number(name, value, problems) is double ms ? p with { Latent = p.Latent with { AgeLimitMs = ms } } : p;
        }

        if (name == OnStale)
        {
            return Choice(name, value, StaleNames, problems) is StalePolicy s ? p with { Latent = p.Latent with { OnStale = s } } : p;
        }

        string clockName = name["clocks.".Length..name.LastIndexOf('.')];
        var clocks = p.Clocks.ToList();
        int i = clocks.FindIndex(c => c.Name == clockName);
        if (name.EndsWith(Budget, StringComparison.Ordinal))
        {
            if (Number(name, value, problems) is not double ms)
            {
                return p;
            }

            double us = ms * 1000.0;
            if (Math.Abs(us - Math.Round(us)) > 1e-6 || Math.Abs(us) > long.MaxValue / 2000.0)
            {
                problems.Add($"{name}: must be a whole number of microseconds (e.g. 0.25 for 250 us), found {value.GetRawText()}");
                return p;
            }

            clocks[i] = clocks[i] with { BudgetUs = (long)Math.Round(us) };
        }
        else if (Choice(name, value, OverrunNames, problems) is OverrunPolicy o)
        {
            clocks[i] = clocks[i] with { Overrun = o };
        }

        return p with { Clocks = clocks };
    }

    private static double? Number(string name, JsonElement value, List<string> problems)
    {
        if (value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out double d) && double.IsFinite(d))
        {
            return d;
        }

        problems.Add($"{name}: must be a number, found {value.GetRawText()}");
        return null;
    }

    private static T? Choice<T>(string name, JsonElement value, Dictionary<string, T> names, List<string> problems)
        where T : struct
    {
        if (value.ValueKind == JsonValueKind.String && names.TryGetValue(value.GetString()!, out T choice))
        {
            return choice;
        }

        problems.Add($"{name}: must be one of {string.Join(", ", names.Keys)}, found {value.GetRawText()}");
        return null;
    }
}
