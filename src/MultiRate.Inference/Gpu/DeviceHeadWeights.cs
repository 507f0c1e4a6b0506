using ILGPU;
using ILGPU.Runtime;
using MultiRate.Inference.ActionHead;
using TorchSharp;

namespace MultiRate.Inference.Gpu;

/// <summary>
/// A <see cref="HeadNet"/>'s parameters copied once onto an accelerator in the layouts
/// <see cref="HeadKernels"/> reads: hidden layers and the gate transposed, the output layer as is,
/// every expert stacked in one buffer per layer.
/// </summary>
/// <remarks>
/// Built off the hot path (construction reads the parameters through TorchSharp and uploads them);
/// afterwards the weights stay resident on the device and nothing crosses the bus but the input
/// and the action. Dispose releases the device memory.
/// </remarks>
internal sealed class DeviceHeadWeights : IDisposable
{
    private readonly List<MemoryBuffer1D<float, Stride1D.Dense>> _owned = [];

    public DeviceHeadWeights(Accelerator accelerator, HeadNet net)
    {
        ArgumentNullException.ThrowIfNull(accelerator);
        ArgumentNullException.ThrowIfNull(net);
        ExpertMlp first = net.Experts[0];
        Experts = net.Experts.Count;
        Inputs = (int)first.Fc1.weight!.shape[1];
        Hidden1 = (int)first.Fc1.weight!.shape[0];
        Hidden2 = first.Fc2 is null ? 0 : (int)first.Fc2.weight!.shape[0];
        Actions = (int)first.Out.weight!.shape[0];
        int last = Hidden2 > 0 ? Hidden2 : Hidden1;
        W1 = Upload(accelerator, net.Experts.SelectMany(e => Transposed(e.Fc1.weight!)));
        B1 = Upload(accelerator, net.Experts.SelectMany(e => Values(e.Fc1.bias!)));
        if (Hidden2 > 0)
        {
            W2 = Upload(accelerator, net.Experts.SelectMany(e => Transposed(e.Fc2!.weight!)));
            B2 = Upload(accelerator, net.Experts.SelectMany(e => Values(e.Fc2!.bias!)));
        }

        Wo = Upload(accelerator, net.Experts.SelectMany(e => Values(e.Out.weight!)));
        Bo = Upload(accelerator, net.Experts.SelectMany(e => Values(e.Out.bias!)));
        if (net.Gate is not null)
        {
            Gate = Upload(accelerator, Transposed(net.Gate.weight!));
            GateBias = Upload(accelerator, Values(net.Gate.bias!));
        }

        LastWidth = last;
        Parameters = net.parameters().Sum(p => p.numel());
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

    public void Dispose()
    {
        foreach (MemoryBuffer1D<float, Stride1D.Dense> buffer in _owned)
        {
            buffer.Dispose();
        }

        _owned.Clear();
    }

    private static float[] Values(torch.Tensor t)
    {
        using torch.Tensor c = t.detach().cpu().contiguous();
        return c.data<float>().ToArray();
    }

    /// <summary>A [rows, cols] weight as [cols, rows]: thread j of a layer reads column j's k-th value at k * rows + j.</summary>
    private static float[] Transposed(torch.Tensor t)
    {
        using torch.Tensor c = t.detach().cpu().t().contiguous();
        return c.data<float>().ToArray();
    }

    private MemoryBuffer1D<float, Stride1D.Dense> Upload(Accelerator accelerator, IEnumerable<float> values)
    {
        float[] host = values as float[] ?? values.ToArray();
        MemoryBuffer1D<float, Stride1D.Dense> buffer = accelerator.Allocate1D(host);
        _owned.Add(buffer);
        return buffer;
    }
}
