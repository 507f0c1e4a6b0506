using System.Globalization;

namespace MultiRate.Logs.Ros1Bag;

/// <summary>
/// A connection's <c>message_definition</c> parsed: the main type's fields and every <c>MSG: pkg/Type</c>
/// sub-definition (sections separated by lines of <c>=</c>). Constants and comments are skipped.
/// </summary>
internal sealed class Ros1MsgDefinitions
{
    private static readonly HashSet<string> Primitives =
    [
        "bool", "int8", "uint8", "byte", "char", "int16", "uint16", "int32", "uint32", "int64", "uint64",
        "float32", "float64", "string", "time", "duration",
    ];

    private readonly Dictionary<string, IReadOnlyList<Ros1MsgField>> _types = new(StringComparer.Ordinal);

    private Ros1MsgDefinitions(string mainType)
    {
        MainType = mainType;
    }

    /// <summary>The connection's type (e.g. <c>geometry_msgs/PoseStamped</c>).</summary>
    public string MainType { get; }

    /// <summary>True for a built-in type (numbers, <c>string</c>, <c>time</c>, <c>duration</c>).</summary>
    public static bool IsPrimitive(string type) => Primitives.Contains(type);

    /// <summary>Parses <paramref name="text"/>, the definition of <paramref name="mainType"/>.</summary>
    /// <exception cref="FormatException">A line is not a field, constant or comment.</exception>
    public static Ros1MsgDefinitions Parse(string mainType, string text)
    {
        var defs = new Ros1MsgDefinitions(mainType);
        string current = mainType;
        var fields = new List<Ros1MsgField>();
        foreach (string raw in text.Split('\n'))
        {
            string line = raw.Trim();
            if (line.StartsWith("===", StringComparison.Ordinal))
            {
                defs._types[current] = fields;
                current = string.Empty;
                fields = [];
                continue;
            }

            if (line.StartsWith("MSG:", StringComparison.Ordinal) && current.Length == 0)
            {
                current = line[4..].Trim();
                continue;
            }

            if (ParseField(line) is { } field)
            {
                fields.Add(field);
            }
        }

        defs._types[current] = fields;
        return defs;
    }

    /// <summary>The fields of <paramref name="type"/> as used from within <paramref name="context"/>'s package.</summary>
    /// <exception cref="FormatException">The type is not defined.</exception>
    public (string Name, IReadOnlyList<Ros1MsgField> Fields) Resolve(string type, string context)
    {
        foreach (string candidate in Candidates(type, context))
        {
            if (_types.TryGetValue(candidate, out IReadOnlyList<Ros1MsgField>? fields))
            {
                return (candidate, fields);
            }
        }

        // Definitions written by some tools name a type without its package: match by the short name.
        string shortName = type[(type.LastIndexOf('/') + 1)..];
        foreach ((string name, IReadOnlyList<Ros1MsgField> fields) in _types)
        {
            if (name.EndsWith("/" + shortName, StringComparison.Ordinal))
            {
                return (name, fields);
            }
        }

        throw new FormatException($"type '{type}' is not defined in the message definition");
    }

    private static IEnumerable<string> Candidates(string type, string context)
    {
        if (type == "Header")
        {
            yield return "std_msgs/Header";
        }

        yield return type;
        int slash = context.IndexOf('/', StringComparison.Ordinal);
        if (!type.Contains('/', StringComparison.Ordinal) && slash > 0)
        {
            yield return string.Concat(context.AsSpan(0, slash + 1), type);
        }
    }

    private static Ros1MsgField? ParseField(string line)
    {
        string[] parts = line.Split((char[]?)null, 2, StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 0 || parts[0].StartsWith('#'))
        {
            return null;
        }

        if (parts.Length < 2)
        {
            throw new FormatException($"a field 'type name', found '{line}'");
        }

        int eq = parts[1].IndexOf('=', StringComparison.Ordinal);
        int comment = parts[1].IndexOf('#', StringComparison.Ordinal);
        if (eq >= 0 && (comment < 0 || eq < comment))
        {
            return null; // a constant: not part of the serialised message
        }

        string name = (comment >= 0 ? parts[1][..comment] : parts[1]).Trim();
        string type = parts[0];
        if (name.Length == 0 || name.Any(char.IsWhiteSpace))
        {
            throw new FormatException($"a field 'type name', found '{line}'");
        }

        int open = type.IndexOf('[', StringComparison.Ordinal);
        if (open < 0)
        {
            return new Ros1MsgField(name, type, false, -1);
        }

        if (!type.EndsWith(']'))
        {
            throw new FormatException($"an array type 'T[]' or 'T[N]', found '{type}'");
        }

        string size = type[(open + 1)..^1];
        int fixedLength = -1;
        if (size.Length > 0 && (!int.TryParse(size, NumberStyles.None, CultureInfo.InvariantCulture, out fixedLength) || fixedLength > 1 << 24))
        {
            throw new FormatException($"an array length, found '{type}'");
        }

        return new Ros1MsgField(name, type[..open], true, fixedLength);
    }
}
