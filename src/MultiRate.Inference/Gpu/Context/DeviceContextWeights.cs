using ILGPU;
using ILGPU.Runtime;

namespace MultiRate.Inference.Gpu.Context;

/// <summary>A context's <see cref="ContextParameters"/> copied once onto an accelerator; resident until disposed.</summary>
internal sealed class DeviceContextWeights : IDisposable
{
    private readonly List<MemoryBuffer1D<float, Stride1D.Dense>> _owned = [];

    public DeviceContextWeights(Accelerator accelerator, ContextParameters p)
    {
        ArgumentNullException.ThrowIfNull(accelerator);
        ArgumentNullException.ThrowIfNull(p);
        try
        {
            InW = Upload(accelerator, p.InW);
            InB = Upload(accelerator, p.InB);
            Pos = Upload(accelerator, p.Pos);
            Z0 = Upload(accelerator, p.Z0);

            // Without an upstream token the projection kernel never reads these; one value keeps the views valid.
            UpW = Upload(accelerator, p.UpW ?? [0f]);
            UpB = Upload(accelerator, p.UpB ?? [0f]);
            QkvW = Upload(accelerator, p.QkvW);
            QkvB = Upload(accelerator, p.QkvB);
            OutW = Upload(accelerator, p.OutW);
            OutB = Upload(accelerator, p.OutB);
            L1W = Upload(accelerator, p.L1W);
            L1B = Upload(accelerator, p.L1B);
            L2W = Upload(accelerator, p.L2W);
            L2B = Upload(accelerator, p.L2B);
            N1W = Upload(accelerator, p.N1W);
            N1B = Upload(accelerator, p.N1B);
            N2W = Upload(accelerator, p.N2W);
            N2B = Upload(accelerator, p.N2B);
            NormW = Upload(accelerator, p.NormW);
            NormB = Upload(accelerator, p.NormB);
            LatW = Upload(accelerator, p.LatW);
            LatB = Upload(accelerator, p.LatB);
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    public MemoryBuffer1D<float, Stride1D.Dense> InW { get; }

    public MemoryBuffer1D<float, Stride1D.Dense> InB { get; }

    public MemoryBuffer1D<float, Stride1D.Dense> Pos { get; }

    public MemoryBuffer1D<float, Stride1D.Dense> Z0 { get; }

    public MemoryBuffer1D<float, Stride1D.Dense> UpW { get; }

    public MemoryBuffer1D<float, Stride1D.Dense> UpB { get; }

    public MemoryBuffer1D<float, Stride1D.Dense> QkvW { get; }

    public MemoryBuffer1D<float, Stride1D.Dense> QkvB { get; }

    public MemoryBuffer1D<float, Stride1D.Dense> OutW { get; }

    public MemoryBuffer1D<float, Stride1D.Dense> OutB { get; }

    public MemoryBuffer1D<float, Stride1D.Dense> L1W { get; }

    public MemoryBuffer1D<float, Stride1D.Dense> L1B { get; }

    public MemoryBuffer1D<float, Stride1D.Dense> L2W { get; }

    public MemoryBuffer1D<float, Stride1D.Dense> L2B { get; }

    public MemoryBuffer1D<float, Stride1D.Dense> N1W { get; }

    public MemoryBuffer1D<float, Stride1D.Dense> N1B { get; }

    public MemoryBuffer1D<float, Stride1D.Dense> N2W { get; }

    public MemoryBuffer1D<float, Stride1D.Dense> N2B { get; }

    public MemoryBuffer1D<float, Stride1D.Dense> NormW { get; }

    public MemoryBuffer1D<float, Stride1D.Dense> NormB { get; }

    public MemoryBuffer1D<float, Stride1D.Dense> LatW { get; }

    public MemoryBuffer1D<float, Stride1D.Dense> LatB { get; }

    public void Dispose()
    {
        foreach (MemoryBuffer1D<float, Stride1D.Dense> buffer in _owned)
        {
            buffer.Dispose();
        }

        _owned.Clear();
    }

    private MemoryBuffer1D<float, Stride1D.Dense> Upload(Accelerator accelerator, float[] host)
    {
        MemoryBuffer1D<float, Stride1D.Dense> buffer = accelerator.Allocate1D(host);
        _owned.Add(buffer);
        return buffer;
    }
}
