using ILGPU;
using IlgpuContext = ILGPU.Context;
using ILGPU.Runtime;
using ILGPU.Runtime.Cuda;

namespace MultiRate.Inference.Gpu;

/// <summary>
/// One module's place on an ILGPU accelerator: a lease on the process's <see cref="SharedAccelerator"/>
/// for the target, and a stream of the module's own at its priority. Opened off the hot path.
/// </summary>
/// <remarks>
/// The action head asks for <see cref="StreamPriority.Highest"/>, the context module for
/// <see cref="StreamPriority.Lowest"/>; both land in the same CUDA context, so the GPU's block
/// scheduler starts the head's pending blocks before the context's. A stream of its own also means
/// nothing queued on the default stream sits in front of the module's work. Dispose destroys the
/// stream and gives the lease back (the last lease closes the accelerator).
/// </remarks>
internal sealed class IlgpuDevice : IDisposable
{
    private readonly SharedAccelerator _shared;
    private bool _disposed;

    private IlgpuDevice(SharedAccelerator shared, StreamPriority priority)
    {
        _shared = shared;
        Priority = priority;
        (Stream, CudaPriority) = shared.CreateStream(priority);
    }

    public Accelerator Accelerator => _shared.Accelerator;

    public AcceleratorStream Stream { get; }

    public IlgpuTarget Target => _shared.Target;

    /// <summary>The priority asked for.</summary>
    public StreamPriority Priority { get; }

    /// <summary>The CUDA priority the stream was created with (lower = sooner); 0 on the CPU accelerator.</summary>
    public int CudaPriority { get; }

    /// <summary>The accelerator shared with every other module on this target (tests compare it).</summary>
    internal SharedAccelerator Shared => _shared;

    /// <summary>Device name for summaries and logs, e.g. "cuda:0 NVIDIA H100" or "ilgpu-cpu".</summary>
    public string Name => Target == IlgpuTarget.Cuda ? "cuda:0 " + Accelerator.Name : "ilgpu-cpu";

    /// <summary>The name of the first CUDA device ILGPU finds, or null when there is no driver or no device.</summary>
    public static string? FindCuda()
    {
        try
        {
            using IlgpuContext context = IlgpuContext.Create(b => b.Cuda());
            return context.GetCudaDevices() is { Count: > 0 } devices ? devices[0].Name : null;
        }
        catch (Exception ex) when (ex is DllNotFoundException or TypeInitializationException or EntryPointNotFoundException or NotSupportedException or InvalidOperationException or CudaException)
        {
            // No libcuda (no NVIDIA driver) or a driver ILGPU cannot use: no CUDA device here.
            return null;
        }
    }

    /// <summary>A stream at <paramref name="priority"/> on the shared accelerator; null when the target is CUDA and no CUDA device is found.</summary>
    public static IlgpuDevice? Open(IlgpuTarget target, StreamPriority priority)
    {
        SharedAccelerator? shared = SharedAccelerator.Acquire(target);
        if (shared is null)
        {
            return null;
        }

        try
        {
            return new IlgpuDevice(shared, priority);
        }
        catch
        {
            shared.Release();
            throw;
        }
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        Stream.Dispose();
        _shared.Release();
    }
}
