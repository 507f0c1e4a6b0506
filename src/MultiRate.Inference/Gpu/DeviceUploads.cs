using ILGPU;
using ILGPU.Runtime;

namespace MultiRate.Inference.Gpu;

/// <summary>Host arrays copied to an accelerator once, owned together and freed together (a module's resident weights).</summary>
internal sealed class DeviceUploads(Accelerator accelerator) : IDisposable
{
    private readonly List<MemoryBuffer1D<float, Stride1D.Dense>> _owned = [];

    /// <summary>A device copy of <paramref name="host"/>, freed with the others.</summary>
    public MemoryBuffer1D<float, Stride1D.Dense> Upload(float[] host)
    {
        MemoryBuffer1D<float, Stride1D.Dense> buffer = accelerator.Allocate1D(host);
        _owned.Add(buffer);
        return buffer;
    }

    public void Dispose()
    {
        foreach (MemoryBuffer1D<float, Stride1D.Dense> buffer in _owned)
        {
            buffer.Dispose();
        }

        _owned.Clear();
    }
}
