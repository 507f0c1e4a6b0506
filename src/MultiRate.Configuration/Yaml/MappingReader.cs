using YamlDotNet.RepresentationModel;

namespace MultiRate.Configuration.Yaml;

/// <summary>
/// Reads one YAML mapping against a fixed set of keys: reports unknown keys (with the closest
/// known key), missing required keys and wrongly typed values, and records every key's position.
/// </summary>
/// <remarks>Not thread-safe; one instance per mapping per load.</remarks>
public sealed class MappingReader
{
    private readonly SourceMap map;
    private readonly Dictionary<string, KeySpec> specs;
    private readonly Dictionary<string, YamlNode> values = new(StringComparer.Ordinal);

    private MappingReader(SourceMap map, string path, IReadOnlyList<KeySpec> keys)
    {
        this.map = map;
        Path = path;
        specs = keys.ToDictionary(k => k.Name, StringComparer.Ordinal);
    }

    /// <summary>The mapping's key path.</summary>
    public string Path { get; }

    /// <summary>
    /// Checks the node is a mapping with only known keys and every required key, or reports why
    /// not and returns null (when it is not a mapping at all).
    /// </summary>
    public static MappingReader? Open(SourceMap map, YamlNode node, string path, string what, IReadOnlyList<KeySpec> keys)
    {
        string valid = string.Join(", ", keys.Select(k => k.Name));
        if (node is not YamlMappingNode mapping)
        {
            map.Fail(path, node, $"expected a mapping ({what}) with keys {valid}; got {YamlValues.Describe(node)}");
            return null;
        }

        var reader = new MappingReader(map, path, keys);
        map.Record(path, node);
        foreach (var (keyNode, value) in mapping.Children)
        {
            if (keyNode is not YamlScalarNode { Value: { } name } || YamlValues.IsNull(keyNode))
            {
                map.Fail(path, keyNode, $"expected a key name, got {YamlValues.Describe(keyNode)}; valid keys: {valid}");
                continue;
            }

            string childPath = SourceMap.Join(path, name);
            if (!reader.specs.ContainsKey(name))
            {
                string hint = KeySuggester.Hint(name, reader.specs.Keys, "valid keys: " + valid);
                map.ReportAt(childPath, keyNode.Start, $"unknown key '{name}'{hint}");
                continue;
            }

            map.Record(childPath, value);
            reader.values[name] = value;
        }

        foreach (KeySpec key in keys.Where(k => k.Required))
        {
            string childPath = SourceMap.Join(path, key.Name);
            if (!reader.values.TryGetValue(key.Name, out YamlNode? value))
            {
                map.ReportAt(childPath, mapping.Start, $"missing required key '{key.Name}' ({key.Description})");
                map.Invalidate(childPath);
            }
            else if (YamlValues.IsNull(value))
            {
                map.Fail(childPath, value, $"'{key.Name}' has no value; expected {key.Description}");
            }
        }

        return reader;
    }

    /// <summary>The key's value node, or null when absent or YAML null.</summary>
    public YamlNode? Value(string key) =>
        values.TryGetValue(key, out YamlNode? v) && !YamlValues.IsNull(v) ? v : null;

    /// <summary>The key path of a key of this mapping.</summary>
    public string PathOf(string key) => SourceMap.Join(Path, key);

    /// <summary>Reads a whole number, or null when absent or invalid.</summary>
    public long? Integer(string key) =>
        Value(key) is { } v ? YamlValues.Integer(map, PathOf(key), v, Describe(key)) : null;

    /// <summary>Reads a 32-bit whole number, or null when absent or invalid.</summary>
    public int? Int32(string key) =>
        Value(key) is { } v ? YamlValues.Int32(map, PathOf(key), v, Describe(key)) : null;

    /// <summary>Reads a finite number, or null when absent or invalid.</summary>
    public double? Number(string key) =>
        Value(key) is { } v ? YamlValues.Number(map, PathOf(key), v, Describe(key)) : null;

    /// <summary>Reads true/false, or null when absent or invalid.</summary>
    public bool? Boolean(string key) =>
        Value(key) is { } v ? YamlValues.Boolean(map, PathOf(key), v, Describe(key)) : null;

    /// <summary>Reads a string, or null when absent or invalid.</summary>
    public string? Text(string key) =>
        Value(key) is { } v ? YamlValues.Text(map, PathOf(key), v, Describe(key)) : null;

    /// <summary>Reads an enum by snake_case name (or one of <paramref name="unlisted"/>, left out of messages), or null when absent or invalid.</summary>
    public T? Enum<T>(string key, IReadOnlyDictionary<string, T> names, IReadOnlyDictionary<string, T>? unlisted = null)
        where T : struct =>
        Value(key) is { } v ? YamlValues.Enum(map, PathOf(key), v, names, unlisted) : null;

    /// <summary>Reads a list of numbers, or null when absent or invalid.</summary>
    public IReadOnlyList<double>? Numbers(string key) =>
        Value(key) is { } v
            ? YamlValues.List(map, PathOf(key), v, Describe(key), (m, p, n) => YamlValues.Number(m, p, n, "a list item"))
            : null;

    /// <summary>Reads a list of 32-bit integers, or null when absent or invalid.</summary>
    public IReadOnlyList<int>? Int32s(string key) =>
        Value(key) is { } v
            ? YamlValues.List(map, PathOf(key), v, Describe(key), (m, p, n) => YamlValues.Int32(m, p, n, "a list item"))
            : null;

    /// <summary>Reads a list of strings, or null when absent or invalid.</summary>
    public IReadOnlyList<string>? Texts(string key) =>
        Value(key) is { } v ? YamlValues.TextList(map, PathOf(key), v, Describe(key)) : null;

    private string Describe(string key) => specs[key].Description;
}
