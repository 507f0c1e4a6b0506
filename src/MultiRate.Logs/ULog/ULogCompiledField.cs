namespace MultiRate.Logs.ULog;

/// <summary>A format field with its byte layout resolved.</summary>
/// <param name="Name">Field name.</param>
/// <param name="Primitive">Basic type, or <see cref="ULogPrimitive.None"/> for a nested format.</param>
/// <param name="Nested">The nested format, when <paramref name="Primitive"/> is None.</param>
/// <param name="ArrayLength">Element count, or -1 for a single value.</param>
/// <param name="Offset">Byte offset inside the enclosing format.</param>
/// <param name="ElementSize">Size of one element in bytes.</param>
/// <param name="IsPadding">Alignment padding, left out of decoded messages.</param>
internal sealed record ULogCompiledField(
    string Name,
    ULogPrimitive Primitive,
    ULogCompiledFormat? Nested,
    int ArrayLength,
    int Offset,
    int ElementSize,
    bool IsPadding)
{
    /// <summary>Total size of the field in bytes.</summary>
    public int Size => ElementSize * Math.Max(1, ArrayLength);

    /// <summary>A <c>char[N]</c> field, decoded as one string.</summary>
    public bool IsString => Primitive == ULogPrimitive.Char && ArrayLength >= 0;
}
