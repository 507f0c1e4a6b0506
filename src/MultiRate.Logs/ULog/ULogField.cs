namespace MultiRate.Logs.ULog;

/// <summary>One field of a ULog format definition, e.g. <c>float[3] accel</c>.</summary>
/// <param name="Type">Basic type (<c>uint64_t</c>, <c>float</c>, <c>char</c>, ...) or the name of a nested format.</param>
/// <param name="Name">Field name.</param>
/// <param name="ArrayLength">Element count for an array field; null for a single value.</param>
public sealed record ULogField(string Type, string Name, int? ArrayLength)
{
    /// <summary>True for alignment padding (<c>_padding*</c>), which decoded messages leave out.</summary>
    public bool IsPadding => Name.StartsWith("_padding", StringComparison.Ordinal);

    /// <inheritdoc/>
    public override string ToString() => ArrayLength is int n ? $"{Type}[{n}] {Name}" : $"{Type} {Name}";
}
