using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace MultiRate.Cli.Suites;

/// <summary>
/// A dotted path into a <c>replay --json</c> summary: keys separated by dots, list items by index in brackets
/// (<c>misses.head</c>, <c>latent_age_ms.p99</c>, <c>clocks[0].name</c>, <c>mse[1]</c>).
/// </summary>
internal sealed partial class SummaryPath
{
    private SummaryPath(string text, IReadOnlyList<object> segments)
    {
        Text = text;
        Segments = segments;
    }

    /// <summary>The path as written.</summary>
    public string Text { get; }

    /// <summary>Each step: a <see cref="string"/> key or an <see cref="int"/> list index.</summary>
    public IReadOnlyList<object> Segments { get; }

    /// <summary>Parses <paramref name="text"/>; null with <paramref name="error"/> set when it is not a path.</summary>
    public static SummaryPath? TryParse(string text, out string? error)
    {
        if (!Shape().IsMatch(text))
        {
            error = $"'{text}' is not a summary path (keys separated by dots, list items as [N], e.g. misses.head or clocks[0].name)";
            return null;
        }

        var segments = new List<object>();
        foreach (Match m in Step().Matches(text))
        {
            if (m.Value[0] != '[')
            {
                segments.Add(m.Value);
            }
            else if (int.TryParse(m.Value.AsSpan(1, m.Value.Length - 2), NumberStyles.None, CultureInfo.InvariantCulture, out int index))
            {
                segments.Add(index);
            }
            else
            {
                error = $"'{text}': the list index {m.Value} is too large";
                return null;
            }
        }

        error = null;
        return new SummaryPath(text, segments);
    }

    /// <summary>The value at this path in <paramref name="summary"/>; false with <paramref name="missing"/> naming the first step that is not there.</summary>
    public bool TryResolve(JsonNode? summary, out JsonNode? value, out string? missing)
    {
        JsonNode? node = summary;
        var walked = new List<string>();
        foreach (object step in Segments)
        {
            string at = walked.Count == 0 ? "the summary" : string.Concat(walked).TrimStart('.');
            switch (step)
            {
                case string key when node is JsonObject o:
                    if (!o.TryGetPropertyValue(key, out node))
                    {
                        string keys = string.Join(", ", o.Select(p => p.Key));
                        missing = $"{at} has no key '{key}'{Configuration.Yaml.KeySuggester.Hint(key, [.. o.Select(p => p.Key)], "its keys: " + keys)}";
                        value = null;
                        return false;
                    }

                    walked.Add("." + key);
                    break;
                case int index when node is JsonArray a:
                    if (index >= a.Count)
                    {
                        missing = string.Create(CultureInfo.InvariantCulture, $"{at} has {a.Count} items; [{index}] is past its end");
                        value = null;
                        return false;
                    }

                    node = a[index];
                    walked.Add(string.Create(CultureInfo.InvariantCulture, $"[{index}]"));
                    break;
                default:
                    string what = node switch { JsonObject => "a mapping", JsonArray => "a list", null => "null", _ => "a " + node.GetValueKind().ToString().ToLowerInvariant() };
                    string wanted = step is int ? "list items" : $"key '{step}'";
                    missing = $"{at} is {what}: it has no {wanted}";
                    value = null;
                    return false;
            }
        }

        value = node;
        missing = null;
        return true;
    }

    /// <inheritdoc />
    public override string ToString() => Text;

    [GeneratedRegex(@"^[^.\[\]\s]+(\[[0-9]+\])*(\.[^.\[\]\s]+(\[[0-9]+\])*)*$")]
    private static partial Regex Shape();

    [GeneratedRegex(@"[^.\[\]]+|\[[0-9]+\]")]
    private static partial Regex Step();
}
