using MultiRate.Logs.Abstractions;

namespace MultiRate.Logs.Decoding;

/// <summary>
/// Parses the <c>ros2msg</c> schema text that ROS 2 writes into MCAP files: the main type's
/// definition, then each dependency after a line of <c>=</c> and a <c>MSG: pkg/msg/Type</c> header.
/// </summary>
internal sealed class Ros2MsgParser
{
    private const long MaxSize = 1L << 40;
    private readonly string schemaName;
    private readonly string? sourcePath;
    private readonly Dictionary<string, Ros2MsgType> types = new(StringComparer.Ordinal);
    private readonly Ros2MsgLineParser lines;

    private Ros2MsgParser(string schemaName, string? sourcePath)
    {
        this.schemaName = schemaName;
        this.sourcePath = sourcePath;
        lines = new Ros2MsgLineParser(Error);
    }

    /// <summary>Parses and resolves a schema; returns the root type and every type by canonical name.</summary>
    public static (Ros2MsgType Root, IReadOnlyDictionary<string, Ros2MsgType> Types) Parse(string schemaName, string text, string? sourcePath)
    {
        var parser = new Ros2MsgParser(schemaName, sourcePath);
        string rootName = Ros2TypeNames.Canonical(schemaName)
            ?? throw parser.Error(0, $"a schema name of the form pkg/msg/Type, not '{schemaName}'");
        var root = new Ros2MsgType(rootName);
        parser.types[rootName] = root;
        parser.ParseSections(root, text);
        parser.ResolveAll();
        foreach (Ros2MsgType type in parser.types.Values)
        {
            parser.ComputeMinSize(type, []);
        }

        return (root, parser.types);
    }

    private void ParseSections(Ros2MsgType root, string text)
    {
        string[] textLines = text.Split('\n');
        Ros2MsgType? current = root;
        bool expectHeader = false;
        for (int i = 0; i < textLines.Length; i++)
        {
            int lineNo = i + 1;
            string trimmed = textLines[i].Trim();
            if (trimmed.Length >= 3 && trimmed.All(c => c == '='))
            {
                expectHeader = true;
                continue;
            }

            if (trimmed.StartsWith("MSG:", StringComparison.Ordinal))
            {
                string name = trimmed[4..].Trim();
                string canonical = Ros2TypeNames.Canonical(name)
                    ?? throw Error(lineNo, $"a header 'MSG: pkg/msg/Type', not '{trimmed}'");

                // A type seen twice keeps its first definition; the copy is skipped.
                current = types.ContainsKey(canonical) ? null : types[canonical] = new Ros2MsgType(canonical);
                expectHeader = false;
                continue;
            }

            if (trimmed.Length == 0 || trimmed[0] == '#')
            {
                continue;
            }

            if (expectHeader)
            {
                throw Error(lineNo, $"a 'MSG: pkg/msg/Type' header after the '===' separator, not '{trimmed}'");
            }

            if (current is not null)
            {
                lines.ParseLine(current, textLines[i], lineNo);
            }
        }
    }

    private void ResolveAll()
    {
        // Resolving can add well-known types, so iterate over a snapshot until nothing new appears.
        var done = new HashSet<string>(StringComparer.Ordinal);
        while (types.Values.Where(t => !done.Contains(t.FullName)).ToList() is { Count: > 0 } pending)
        {
            foreach (Ros2MsgType type in pending)
            {
                done.Add(type.FullName);
                foreach (Ros2MsgField field in type.Fields.Where(f => f.Type.Primitive == Ros2Primitive.None))
                {
                    field.Type.Nested = Resolve(type, field);
                }
            }
        }
    }

    private Ros2MsgType Resolve(Ros2MsgType owner, Ros2MsgField field)
    {
        string written = field.Type.ElementName;
        string? wanted = written.Contains('/', StringComparison.Ordinal)
            ? Ros2TypeNames.Canonical(written)
            : types.ContainsKey($"{owner.Package}/msg/{written}") ? $"{owner.Package}/msg/{written}"
            : Ros2TypeNames.ShortAliases.GetValueOrDefault(written, $"{owner.Package}/msg/{written}");
        if (wanted is not null && types.TryGetValue(wanted, out Ros2MsgType? found))
        {
            return found;
        }

        if (wanted is not null && Ros2TypeNames.WellKnown.TryGetValue(wanted, out string? text))
        {
            var added = new Ros2MsgType(wanted);
            types[wanted] = added;
            foreach (string line in text.Split('\n'))
            {
                lines.ParseLine(added, line, field.Line);
            }

            return added;
        }

        string defined = string.Join(", ", types.Keys.Order(StringComparer.Ordinal));
        throw Error(field.Line, $"a known type for field '{field.Name}' of {owner.FullName}, but '{written}' is not defined (defined: {defined})");
    }

    private long ComputeMinSize(Ros2MsgType type, HashSet<string> visiting)
    {
        if (type.MinSize >= 0)
        {
            return type.MinSize;
        }

        if (!visiting.Add(type.FullName))
        {
            throw Error(0, $"a non-recursive type, but {type.FullName} contains itself");
        }

        long size = 0;
        foreach (Ros2MsgField field in type.Fields)
        {
            Ros2FieldType t = field.Type;
            long element = t.Primitive switch
            {
                Ros2Primitive.None => ComputeMinSize(t.Nested!, visiting),
                Ros2Primitive.String or Ros2Primitive.WString => 4,
                _ => CdrPrimitives.SizeOf(t.Primitive),
            };
            // Clamped: absurd nested fixed arrays must not overflow; no real message nears 2^40 bytes.
            element = Math.Min(element, MaxSize);
            size = Math.Min(MaxSize, size + t.ArrayKind switch
            {
                Ros2ArrayKind.Fixed => element * t.ArrayLength,
                Ros2ArrayKind.None => element,
                _ => 4,
            });
        }

        visiting.Remove(type.FullName);
        type.MinSize = Math.Max(size, 1);
        return type.MinSize;
    }

    private LogFormatException Error(int lineNo, string expected) =>
        new(sourcePath, -1, lineNo > 0 ? $"ros2msg schema '{schemaName}' line {lineNo}" : $"ros2msg schema '{schemaName}'", expected);
}
