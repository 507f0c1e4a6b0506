using ILGPU;
using ILGPU.Runtime;

namespace MultiRate.Inference.Gpu;

/// <summary>
/// A head's <see cref="HeadParameters"/> copied once onto an accelerator in the layouts
/// <see cref="HeadKernels"/> reads: hidden layers and the gate transposed, the output layer as is,
/// every expert stacked in one buffer per layer.
/// </summary>
/// <remarks>
/// Built off the hot path; afterwards the weights stay resident on the device and nothing crosses
/// the bus but the input and the action. Dispose releases the device memory.
/// </remarks>
internal sealed class DeviceHeadWeights : IDisposable
{
    private readonly DeviceUploads _owned;

    public DeviceHeadWeights(Accelerator accelerator, HeadParameters p)
    {
        ArgumentNullException.ThrowIfNull(accelerator);
        ArgumentNullException.ThrowIfNull(p);
        _owned = new DeviceUploads(accelerator);
        Experts = p.Experts;
        Inputs = p.Inputs;
        Hidden1 = p.Hidden1;
        Hidden2 = p.Hidden2;
        Actions = p.Actions;
        W1 = _owned.Upload(p.W1);
        B1 = _owned.Upload(p.B1);
        if (p.W2 is { } w2 && p.B2 is { } b2)
        {
            W2 = _owned.Upload(w2);
            B2 = _owned.Upload(b2);
        }

        Wo = _owned.Upload(p.Wo);
        Bo = _owned.Upload(p.Bo);
        if (p.Gate is { } gate && p.GateBias is { } gateBias)
        {
            Gate = _owned.Upload(gate);
            GateBias = _owned.Upload(gateBias);
        }

        LastWidth = Hidden2 > 0 ? Hidden2 : Hidden1;
        Parameters = p.Count;
    }

    public int Experts { get; }

    public int Inputs { get; }

    public int Hidden1 { get; }

    /// <summary>Width of the second hidden layer, 0 when there is one.</summary>
    public int Hidden2 { get; }

    /// <summary>Width of the layer the output reads.</summary>
    public int LastWidth { get; }

    public int Actions { get; }

    /// <summary>Parameter count (for benches and logs).</summary>
    public long Parameters { get; }

    public MemoryBuffer1D<float, Stride1D.Dense> W1 { get; }

    public MemoryBuffer1D<float, Stride1D.Dense> B1 { get; }

    public MemoryBuffer1D<float, Stride1D.Dense>? W2 { get; }

    public MemoryBuffer1D<float, Stride1D.Dense>? B2 { get; }

    public MemoryBuffer1D<float, Stride1D.Dense> Wo { get; }

    public MemoryBuffer1D<float, Stride1D.Dense> Bo { get; }

    public MemoryBuffer1D<float, Stride1D.Dense>? Gate { get; }

    public MemoryBuffer1D<float, Stride1D.Dense>? GateBias { get; }

    public void Dispose() => _owned.Dispose();
}
