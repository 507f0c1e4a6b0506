using System.Runtime.InteropServices;
using Google.Protobuf;
using MultiRate.Remote.Protocol;

namespace MultiRate.Remote.Tensors;

/// <summary>FP32 tensors on the wire: raw little-endian row-major bytes, or the typed <c>fp32_contents</c>.</summary>
/// <remarks>
/// The raw form is what Triton prefers and what this side sends; both forms are read, because the
/// protocol lets a server answer either way. x86-64 and ARM64 are little-endian, as the protocol's raw
/// form is, so the bytes are the floats' own.
/// </remarks>
internal static class Fp32Tensor
{
    /// <summary>The protocol's name of the data type.</summary>
    public const string Datatype = "FP32";

    /// <summary>The raw bytes of <paramref name="values"/>.</summary>
    public static ByteString ToRaw(ReadOnlySpan<float> values) => ByteString.CopyFrom(MemoryMarshal.AsBytes(values));

    /// <summary>
    /// Reads <paramref name="count"/> floats from the raw bytes (when present) or the typed contents;
    /// null when neither holds exactly that many.
    /// </summary>
    public static float[]? Read(ByteString? raw, InferTensorContents? contents, int count)
    {
        if (raw is { Length: > 0 })
        {
            if (raw.Length != count * sizeof(float))
            {
                return null;
            }

            float[] values = new float[count];
            raw.Span.CopyTo(MemoryMarshal.AsBytes(values.AsSpan()));
            return values;
        }

        if (contents is not null && contents.Fp32Contents.Count == count)
        {
            return [.. contents.Fp32Contents];
        }

        return null;
    }

    /// <summary>Elements a shape holds; -1 when a dimension is negative or the count overflows.</summary>
    public static long Elements(IEnumerable<long> shape)
    {
        long n = 1;
        foreach (long d in shape)
        {
            if (d < 0 || (d > 0 && n > long.MaxValue / d))
            {
                return -1;
            }

            n *= d;
        }

        return n;
    }

    /// <summary>A shape as the protocol's docs write it: <c>[-1, 9]</c>.</summary>
    public static string Show(IEnumerable<long> shape) => "[" + string.Join(", ", shape) + "]";
}
