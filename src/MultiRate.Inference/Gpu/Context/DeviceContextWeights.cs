using ILGPU;
using ILGPU.Runtime;

namespace MultiRate.Inference.Gpu.Context;

/// <summary>A context's <see cref="ContextParameters"/> copied once onto an accelerator; resident until disposed.</summary>
internal sealed class DeviceContextWeights : IDisposable
{
    private readonly DeviceUploads _owned;

    public DeviceContextWeights(Accelerator accelerator, ContextParameters p)
    {
        ArgumentNullException.ThrowIfNull(accelerator);
        ArgumentNullException.ThrowIfNull(p);
        _owned = new DeviceUploads(accelerator);
        try
        {
            InW = _owned.Upload(p.InW);
            InB = _owned.Upload(p.InB);
            Pos = _owned.Upload(p.Pos);
            Z0 = _owned.Upload(p.Z0);

            // Without an upstream token the projection kernel never reads these; one value keeps the views valid.
            UpW = _owned.Upload(p.UpW ?? [0f]);
            UpB = _owned.Upload(p.UpB ?? [0f]);
            QkvW = _owned.Upload(p.QkvW);
            QkvB = _owned.Upload(p.QkvB);
            OutW = _owned.Upload(p.OutW);
            OutB = _owned.Upload(p.OutB);
            L1W = _owned.Upload(p.L1W);
            L1B = _owned.Upload(p.L1B);
            L2W = _owned.Upload(p.L2W);
            L2B = _owned.Upload(p.L2B);
            N1W = _owned.Upload(p.N1W);
            N1B = _owned.Upload(p.N1B);
            N2W = _owned.Upload(p.N2W);
            N2B = _owned.Upload(p.N2B);
            NormW = _owned.Upload(p.NormW);
            NormB = _owned.Upload(p.NormB);
            LatW = _owned.Upload(p.LatW);
            LatB = _owned.Upload(p.LatB);
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

    public void Dispose() => _owned.Dispose();
}
