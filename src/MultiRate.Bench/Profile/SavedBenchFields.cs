using System.Globalization;
using System.Text.Json;
using MultiRate.Bench.Tuning;

namespace MultiRate.Bench.Profile;

/// <summary>Typed field access for <see cref="SavedBench"/> that names the file and key of anything missing or mistyped.</summary>
internal sealed class SavedBenchFields(string path)
{
    public JsonElement Object(JsonElement e, string key) =>
        e.ValueKind == JsonValueKind.Object ? e : throw Wrong(key, "an object", e);

    public JsonElement Array(JsonElement parent, string name)
    {
        JsonElement e = Get(parent, name, null);
        return e.ValueKind == JsonValueKind.Array ? e : throw Wrong(name, "an array", e);
    }

    public string String(JsonElement parent, string name, string? prefix = null)
    {
        JsonElement e = Get(parent, name, prefix);
        return e.ValueKind == JsonValueKind.String && e.GetString() is { Length: > 0 } s ? s : throw Wrong(Key(prefix, name), "a non-empty string", e);
    }

    public double Number(JsonElement parent, string name, string? prefix = null)
    {
        JsonElement e = Get(parent, name, prefix);
        return e.ValueKind == JsonValueKind.Number && e.TryGetDouble(out double d) && double.IsFinite(d) && d >= 0
            ? d
            : throw Wrong(Key(prefix, name), "a number >= 0", e);
    }

    /// <summary>The clock's latency: raw <c>samples_us</c> when present, else the summary fields.</summary>
    public ClockLatency Latency(JsonElement clock, string key, string name)
    {
        if (clock.TryGetProperty("samples_us", out JsonElement raw))
        {
            if (raw.ValueKind != JsonValueKind.Array)
            {
                throw Wrong(key + ".samples_us", "an array of latencies in us", raw);
            }

            var samples = new List<double>();
            int i = 0;
            foreach (JsonElement s in raw.EnumerateArray())
            {
                string at = string.Create(CultureInfo.InvariantCulture, $"{key}.samples_us[{i++}]");
                samples.Add(s.ValueKind == JsonValueKind.Number && s.TryGetDouble(out double d) && double.IsFinite(d) && d >= 0 ? d : throw Wrong(at, "a latency >= 0 us", s));
            }

            return ClockLatency.FromSamples(samples, name);
        }

        double count = Number(clock, "samples", key);
        if (count < 1 || count != Math.Floor(count) || count > int.MaxValue)
        {
            throw new TuningInputException(string.Create(CultureInfo.InvariantCulture, $"{path}: {key}.samples: {count}: expected a whole number of samples >= 1"));
        }

        var latency = new ClockLatency((int)count, Number(clock, "p50_us", key), Number(clock, "p99_us", key), Number(clock, "p999_us", key), Number(clock, "max_us", key));
        if (!(latency.P50Us <= latency.P99Us && latency.P99Us <= latency.P999Us && latency.P999Us <= latency.MaxUs))
        {
            throw new TuningInputException($"{path}: {key}: expected p50_us <= p99_us <= p999_us <= max_us (clock '{name}')");
        }

        return latency;
    }

    private JsonElement Get(JsonElement parent, string name, string? prefix) =>
        parent.TryGetProperty(name, out JsonElement e) ? e : throw new TuningInputException($"{path}: {Key(prefix, name)}: missing; expected the output of 'multirate bench profile --json'");

    private TuningInputException Wrong(string key, string expected, JsonElement got) =>
        new($"{path}: {key}: expected {expected}, got {got.ValueKind.ToString().ToLowerInvariant()} {Truncate(got.GetRawText())}");

    private static string Key(string? prefix, string name) => prefix is null ? name : prefix + "." + name;

    private static string Truncate(string s) => s.Length <= 40 ? s : s[..40] + "...";
}
