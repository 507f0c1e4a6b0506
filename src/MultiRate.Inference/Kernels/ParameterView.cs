using System.Runtime.InteropServices;
using TorchSharp;

namespace MultiRate.Inference.Kernels;

/// <summary>Reads a float32 CPU parameter's values in place, without copying or allocating.</summary>
/// <remarks>
/// The span is taken from the tensor's storage at each call, so weights loaded later with copy_
/// (in place) are seen. The tensor belongs to its module; this view does not dispose it.
/// </remarks>
internal readonly struct ParameterView
{
    private readonly torch.Tensor _tensor;

    public ParameterView(torch.Tensor tensor, string name)
    {
        ArgumentNullException.ThrowIfNull(tensor);
        if (tensor.dtype != torch.ScalarType.Float32 || tensor.device_type != DeviceType.CPU || !tensor.is_contiguous())
        {
            throw new ArgumentException($"{name}: expected a contiguous float32 CPU tensor, got {tensor.dtype} on {tensor.device_type}", nameof(tensor));
        }

        _tensor = tensor;
        Length = checked((int)tensor.numel());
    }

    /// <summary>Number of values.</summary>
    public int Length { get; }

    /// <summary>The values, row-major.</summary>
    public ReadOnlySpan<float> Values => MemoryMarshal.Cast<byte, float>(_tensor.bytes);
}
