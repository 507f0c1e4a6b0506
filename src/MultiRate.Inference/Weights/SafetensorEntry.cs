namespace MultiRate.Inference.Weights;

/// <summary>One tensor's header entry in a safetensors file.</summary>
/// <param name="Name">Tensor name (state-dict key).</param>
/// <param name="DType">safetensors dtype string (F32, F16, BF16, F64, I64, ...).</param>
/// <param name="Shape">Dimensions.</param>
/// <param name="Begin">Start offset inside the data section.</param>
/// <param name="End">End offset (exclusive) inside the data section.</param>
internal sealed record SafetensorEntry(string Name, string DType, long[] Shape, long Begin, long End)
{
    /// <summary>Element count.</summary>
    public long Elements => Shape.Aggregate(1L, (a, d) => checked(a * d));

    /// <summary>The element count, or null when it does not fit in 64 bits (a shape such as [2^31, 2^31, 2^31]).</summary>
    public long? CheckedElements
    {
        get
        {
            try
            {
                return Elements;
            }
            catch (OverflowException)
            {
                return null;
            }
        }
    }

    /// <summary>Bytes per element for the dtypes we know, else 0.</summary>
    public static int ElementSize(string dtype) => dtype switch
    {
        "F64" or "I64" or "U64" => 8,
        "F32" or "I32" or "U32" => 4,
        "F16" or "BF16" or "I16" or "U16" => 2,
        "I8" or "U8" or "BOOL" or "F8_E4M3" or "F8_E5M2" => 1,
        _ => 0,
    };

    /// <summary>True for the dtypes the loader converts to float32.</summary>
    public static bool IsSupported(string dtype) => dtype is "F32" or "F16" or "BF16";

    /// <summary>Formats a shape as <c>[a, b]</c>.</summary>
    public static string FormatShape(IEnumerable<long> shape) => "[" + string.Join(", ", shape) + "]";
}
