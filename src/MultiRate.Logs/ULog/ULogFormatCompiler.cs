using MultiRate.Logs.Abstractions;

namespace MultiRate.Logs.ULog;

/// <summary>
/// Resolves format definitions into byte layouts, checking that every referenced type exists,
/// that nesting is acyclic and shallow, and that sizes fit a record.
/// </summary>
internal sealed class ULogFormatCompiler
{
    /// <summary>Nesting deeper than this is treated as corrupt (PX4 formats nest a few levels at most).</summary>
    public const int MaxDepth = 32;

    private readonly IReadOnlyDictionary<string, ULogFormat> _formats;
    private readonly Dictionary<string, ULogCompiledFormat> _compiled = new(StringComparer.Ordinal);
    private readonly HashSet<string> _inProgress = new(StringComparer.Ordinal);
    private readonly string? _path;

    public ULogFormatCompiler(IReadOnlyDictionary<string, ULogFormat> formats, string? path)
    {
        _formats = formats;
        _path = path;
    }

    /// <summary>Compiles (or returns the cached layout of) the format named <paramref name="name"/>.</summary>
    /// <param name="name">Format name.</param>
    /// <param name="offset">File offset of the record that needs it, for error messages.</param>
    public ULogCompiledFormat Compile(string name, long offset) => Compile(name, offset, 0);

    private ULogCompiledFormat Compile(string name, long offset, int depth)
    {
        if (_compiled.TryGetValue(name, out ULogCompiledFormat? done))
        {
            return done;
        }

        if (!_formats.TryGetValue(name, out ULogFormat? format))
        {
            throw new LogFormatException(_path, offset, $"format '{name}'", "a format definition ('F' record) with that name");
        }

        if (depth >= MaxDepth || !_inProgress.Add(name))
        {
            throw new LogFormatException(_path, offset, $"format '{name}'", $"acyclic nested types at most {MaxDepth} levels deep");
        }

        var fields = new List<ULogCompiledField>(format.Fields.Count);
        int size = 0;
        int minSize = 0;
        int timestampOffset = -1;
        foreach (ULogField field in format.Fields)
        {
            ULogPrimitive primitive = ULogPrimitives.Parse(field.Type);
            ULogCompiledFormat? nested = primitive == ULogPrimitive.None ? Compile(field.Type, offset, depth + 1) : null;
            int elementSize = nested?.Size ?? ULogPrimitives.SizeOf(primitive);
            if (elementSize == 0)
            {
                throw new LogFormatException(_path, offset, $"format '{name}' field '{field.Name}'", "a nested type with at least one byte");
            }

            var compiled = new ULogCompiledField(field.Name, primitive, nested, field.ArrayLength ?? -1, size, elementSize, field.IsPadding);
            long end = (long)size + compiled.Size;
            if (end > ushort.MaxValue)
            {
                throw new LogFormatException(_path, offset, $"format '{name}'", $"a total size of at most {ushort.MaxValue} bytes (a record's limit)");
            }

            if (!compiled.IsPadding)
            {
                // Only the last element's trailing padding can be left out by the logger.
                int lastElementMin = nested is null ? elementSize : nested.MinSize;
                if (lastElementMin > 0)
                {
                    minSize = size + (compiled.Size - elementSize) + lastElementMin;
                }
            }

            if (field.Name == "timestamp" && primitive == ULogPrimitive.UInt64 && compiled.ArrayLength < 0)
            {
                timestampOffset = size;
            }

            fields.Add(compiled);
            size = (int)end;
        }

        _ = _inProgress.Remove(name);
        var result = new ULogCompiledFormat(name, fields, size, minSize, timestampOffset);
        _compiled[name] = result;
        return result;
    }
}
