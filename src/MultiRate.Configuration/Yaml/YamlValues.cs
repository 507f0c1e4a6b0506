using System.Globalization;
using System.Numerics;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace MultiRate.Configuration.Yaml;

/// <summary>
/// Typed reads of YAML nodes. Each read either returns the value or reports one error at the
/// node (naming what was expected and what was found), marks the path invalid and returns null.
/// </summary>
public static class YamlValues
{
    private static readonly string Int32Range = string.Create(CultureInfo.InvariantCulture, $" from {int.MinValue} to {int.MaxValue}");

    /// <summary>Whether the node is YAML null (<c>~</c>, <c>null</c> or nothing, unquoted).</summary>
    public static bool IsNull(YamlNode node) =>
        node is YamlScalarNode { Style: not (ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted) } s &&
        (string.IsNullOrEmpty(s.Value) || s.Value is "~" or "null" or "Null" or "NULL");

    /// <summary>Describes a node for "got ..." in messages.</summary>
    public static string Describe(YamlNode node) => node switch
    {
        YamlMappingNode => "a mapping",
        YamlSequenceNode => "a list",
        YamlScalarNode s when IsNull(s) => "nothing (null)",
        YamlScalarNode s when IsQuoted(s) => $"the quoted string '{Shorten(s.Value ?? string.Empty)}'",
        YamlScalarNode s => $"'{Shorten(s.Value ?? string.Empty)}'",
        _ => "an alias",
    };

    /// <summary>Reads a whole number.</summary>
    public static long? Integer(SourceMap map, string path, YamlNode node, string description) =>
        Whole<long>(map, path, node, description, range: string.Empty);

    /// <summary>Reads a whole number that fits in 32 bits.</summary>
    public static int? Int32(SourceMap map, string path, YamlNode node, string description) =>
        Whole<int>(map, path, node, description, Int32Range);

    /// <summary>Reads a finite real number.</summary>
    public static double? Number(SourceMap map, string path, YamlNode node, string description)
    {
        if (Plain(node) is { } text &&
            double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) &&
            double.IsFinite(value))
        {
            return value;
        }

        map.Fail(path, node, $"expected a finite number ({description}), got {Describe(node)}");
        return null;
    }

    /// <summary>Reads true or false.</summary>
    public static bool? Boolean(SourceMap map, string path, YamlNode node, string description)
    {
        switch (Plain(node)?.ToUpperInvariant())
        {
            case "TRUE":
                return true;
            case "FALSE":
                return false;
            default:
                map.Fail(path, node, $"expected true or false ({description}), got {Describe(node)}");
                return null;
        }
    }

    /// <summary>Reads any scalar as text (quoted or not).</summary>
    public static string? Text(SourceMap map, string path, YamlNode node, string description)
    {
        if (node is YamlScalarNode s && !IsNull(s))
        {
            return s.Value ?? string.Empty;
        }

        map.Fail(path, node, $"expected a string ({description}), got {Describe(node)}");
        return null;
    }

    /// <summary>Reads one of a fixed set of snake_case names (or of <paramref name="unlisted"/>, accepted but left out of messages).</summary>
    public static T? Enum<T>(SourceMap map, string path, YamlNode node, IReadOnlyDictionary<string, T> names, IReadOnlyDictionary<string, T>? unlisted = null)
        where T : struct
    {
        string valid = string.Join(" | ", names.Keys);
        if (node is YamlScalarNode s && !IsNull(s) &&
            (names.TryGetValue(s.Value ?? string.Empty, out T value) || (unlisted?.TryGetValue(s.Value ?? string.Empty, out value) ?? false)))
        {
            return value;
        }

        string typed = node is YamlScalarNode { Value: { } v } ? v : string.Empty;
        map.Fail(path, node, $"invalid value {Describe(node)}{KeySuggester.Hint(typed, names.Keys.ToList(), "valid values: " + valid)}");
        return null;
    }

    /// <summary>Reads a list of numbers, integers or other value types; null if the node or any item is invalid.</summary>
    public static IReadOnlyList<T>? List<T>(
        SourceMap map, string path, YamlNode node, string description, Func<SourceMap, string, YamlNode, T?> item)
        where T : struct =>
        ListCore(map, path, node, description, (m, p, n) => item(m, p, n) is { } v ? (true, v) : (false, default));

    /// <summary>Reads a list of strings; null if the node or any item is invalid.</summary>
    public static IReadOnlyList<string>? TextList(SourceMap map, string path, YamlNode node, string description) =>
        ListCore(map, path, node, description, (m, p, n) => Text(m, p, n, description) is { } v ? (true, v) : (false, string.Empty));

    /// <summary>
    /// Reads a mapping whose keys are free names (clock or module names), in file order.
    /// Returns null if the node is not a mapping.
    /// </summary>
    public static IReadOnlyList<KeyValuePair<string, YamlNode>>? Named(SourceMap map, string path, YamlNode node, string description)
    {
        if (node is not YamlMappingNode mapping)
        {
            map.Fail(path, node, $"expected a mapping of {description} by name, got {Describe(node)}");
            return null;
        }

        var entries = new List<KeyValuePair<string, YamlNode>>();
        foreach (var (key, value) in mapping.Children)
        {
            if (key is not YamlScalarNode { Value: { Length: > 0 } name } || IsNull(key))
            {
                map.Fail(path, key, $"expected a name as the key, got {Describe(key)}");
                continue;
            }

            map.Record(SourceMap.Join(path, name), value);
            entries.Add(new(name, value));
        }

        return entries;
    }

    private static IReadOnlyList<T>? ListCore<T>(
        SourceMap map, string path, YamlNode node, string description, Func<SourceMap, string, YamlNode, (bool Ok, T Value)> item)
    {
        if (node is not YamlSequenceNode sequence)
        {
            map.Fail(path, node, $"expected a list ({description}), got {Describe(node)}");
            return null;
        }

        var values = new List<T>(sequence.Children.Count);
        bool ok = true;
        for (int i = 0; i < sequence.Children.Count; i++)
        {
            string itemPath = $"{path}[{i}]";
            map.Record(itemPath, sequence.Children[i]);
            var (itemOk, value) = item(map, itemPath, sequence.Children[i]);
            ok &= itemOk;
            values.Add(value);
        }

        if (!ok)
        {
            map.Invalidate(path);
            return null;
        }

        return values;
    }

    private static string? Plain(YamlNode node) =>
        node is YamlScalarNode s && !IsQuoted(s) && !IsNull(s) ? s.Value : null;

    private static bool IsQuoted(YamlScalarNode s) => s.Style is ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted;

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..37] + "...";

    /// <summary>Reads a whole number of type <typeparamref name="T"/>; <paramref name="range"/> is said in the error (empty for 64 bits).</summary>
    private static T? Whole<T>(SourceMap map, string path, YamlNode node, string description, string range)
        where T : struct, IBinaryInteger<T>
    {
        if (Plain(node) is { } text &&
            T.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out T value))
        {
            return value;
        }

        map.Fail(path, node, $"expected an integer{range} ({description}), got {Describe(node)}");
        return null;
    }
}
