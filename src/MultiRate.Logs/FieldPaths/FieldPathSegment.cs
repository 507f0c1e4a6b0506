namespace MultiRate.Logs.FieldPaths;

/// <summary>One step of a field path after the topic: <c>.name</c> or <c>[index]</c>.</summary>
/// <param name="Name">The field name, or null for an index step.</param>
/// <param name="Index">The array index, or -1 for a name step.</param>
public readonly record struct FieldPathSegment(string? Name, int Index)
{
    /// <summary>True for an <c>[index]</c> step.</summary>
    public bool IsIndex => Name is null;

    /// <inheritdoc />
    public override string ToString() => Name is null ? $"[{Index}]" : $".{Name}";
}
