using ILGPU;
using ILGPU.Runtime;
using ILGPU.Runtime.CPU;
using ILGPU.Runtime.Cuda;

namespace MultiRate.Inference.Gpu;

/// <summary>One ILGPU context and accelerator, owned by one head; opened off the hot path.</summary>
/// <remarks>
/// A CUDA accelerator makes its own CUDA context; the head gets a stream of its own, so work queued
/// by anything else on the default stream does not sit in front of the head's kernels.
/// </remarks>
internal sealed class IlgpuDevice : IDisposable
{
    private readonly Context _context;

    private IlgpuDevice(Context context, Accelerator accelerator, IlgpuTarget target)
    {
        _context = context;
        Accelerator = accelerator;
        Target = target;
        Stream = accelerator.CreateStream();
    }

    public Accelerator Accelerator { get; }

    public AcceleratorStream Stream { get; }

    public IlgpuTarget Target { get; }

    /// <summary>Device name for summaries and logs, e.g. "cuda:0 NVIDIA H100" or "ilgpu-cpu".</summary>
    public string Name => Target == IlgpuTarget.Cuda ? "cuda:0 " + Accelerator.Name : "ilgpu-cpu";

    /// <summary>The name of the first CUDA device ILGPU finds, or null when there is no driver or no device.</summary>
    public static string? FindCuda()
    {
        try
        {
            using Context context = Context.Create(b => b.Cuda());
            return context.GetCudaDevices() is { Count: > 0 } devices ? devices[0].Name : null;
        }
        catch (Exception ex) when (ex is DllNotFoundException or TypeInitializationException or EntryPointNotFoundException or NotSupportedException or InvalidOperationException or CudaException)
        {
            // No libcuda (no NVIDIA driver) or a driver ILGPU cannot use: no CUDA device here.
            return null;
        }
    }

    /// <summary>Opens the accelerator; null when the target is CUDA and no CUDA device is found.</summary>
    public static IlgpuDevice? Open(IlgpuTarget target)
    {
        if (target == IlgpuTarget.Cpu)
        {
            // Two threads per group: enough to run the kernels' shared-memory reductions and barriers for
            // real, few enough that handing work between threads stays cheap on a small shared machine
            // (this accelerator checks correctness; it is no fast path).
            Context cpu = Context.Create(b => b.CPU(new CPUDevice(numThreadsPerWarp: 2, numWarpsPerMultiprocessor: 1, numMultiprocessors: 1)));
            return new IlgpuDevice(cpu, cpu.GetCPUDevice(0).CreateCPUAccelerator(cpu, CPUAcceleratorMode.Parallel), target);
        }

        if (FindCuda() is null)
        {
            return null;
        }

        Context context = Context.Create(b => b.Cuda());
        try
        {
            return new IlgpuDevice(context, context.GetCudaDevice(0).CreateCudaAccelerator(context), target);
        }
        catch
        {
            context.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        Stream.Dispose();
        Accelerator.Dispose();
        _context.Dispose();
    }
}
