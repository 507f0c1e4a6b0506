using ILGPU;
using IlgpuContext = ILGPU.Context;
using ILGPU.Runtime;
using ILGPU.Runtime.CPU;
using ILGPU.Runtime.Cuda;

namespace MultiRate.Inference.Gpu;

/// <summary>
/// One ILGPU context and accelerator per target in the process, shared by every module placed on
/// it and released when the last of them is disposed.
/// </summary>
/// <remarks>
/// ILGPU's CUDA accelerator creates a CUDA context of its own, and stream priorities order work only
/// within one context: a head and a context module on two accelerators would be two contexts
/// time-sliced by the driver, with no priority between them. Sharing one accelerator (one context,
/// one copy of the compiled kernels' modules) lets the head's high-priority stream go ahead of the
/// context's low-priority one. Reference-counted under a lock; opening and closing happen at start
/// and at shutdown, never on a clock thread.
/// </remarks>
internal sealed class SharedAccelerator
{
    private static readonly Lock Gate = new();
    private static readonly Dictionary<IlgpuTarget, SharedAccelerator> Opened = [];
    private readonly IlgpuContext _context;
    private int _leases;

    private SharedAccelerator(IlgpuContext context, Accelerator accelerator, IlgpuTarget target)
    {
        _context = context;
        Accelerator = accelerator;
        Target = target;
    }

    public Accelerator Accelerator { get; }

    public IlgpuTarget Target { get; }

    /// <summary>Modules holding this accelerator now (tests).</summary>
    public int Leases
    {
        get
        {
            lock (Gate)
            {
                return _leases;
            }
        }
    }

    /// <summary>The open accelerator for <paramref name="target"/> with one more lease, or null when the target is CUDA and no CUDA device is found.</summary>
    public static SharedAccelerator? Acquire(IlgpuTarget target)
    {
        lock (Gate)
        {
            if (!Opened.TryGetValue(target, out SharedAccelerator? shared))
            {
                shared = OpenNew(target);
                if (shared is null)
                {
                    return null;
                }

                Opened[target] = shared;
            }

            shared._leases++;
            return shared;
        }
    }

    /// <summary>Gives one lease back; the last one closes the accelerator and its context.</summary>
    public void Release()
    {
        lock (Gate)
        {
            if (--_leases > 0)
            {
                return;
            }

            Opened.Remove(Target);
            Accelerator.Dispose();
            _context.Dispose();
        }
    }

    /// <summary>A new stream for one module: on CUDA at the given priority (with the value the driver took), on the CPU an ordinary one (priority 0).</summary>
    public (AcceleratorStream Stream, int Priority) CreateStream(StreamPriority priority) =>
        Accelerator is CudaAccelerator cuda ? CudaPriorityStreams.Create(cuda, priority) : (Accelerator.CreateStream(), 0);

    private static SharedAccelerator? OpenNew(IlgpuTarget target)
    {
        if (target == IlgpuTarget.Cpu)
        {
            // Two threads per group: enough to run the kernels' shared-memory reductions and barriers for
            // real, few enough that handing work between threads stays cheap on a small shared machine
            // (this accelerator checks correctness; it is no fast path).
            IlgpuContext cpu = IlgpuContext.Create(b => b.CPU(new CPUDevice(numThreadsPerWarp: 2, numWarpsPerMultiprocessor: 1, numMultiprocessors: 1)));
            return new SharedAccelerator(cpu, cpu.GetCPUDevice(0).CreateCPUAccelerator(cpu, CPUAcceleratorMode.Parallel), target);
        }

        if (IlgpuDevice.FindCuda() is null)
        {
            return null;
        }

        IlgpuContext context = IlgpuContext.Create(b => b.Cuda());
        try
        {
            return new SharedAccelerator(context, context.GetCudaDevice(0).CreateCudaAccelerator(context), target);
        }
        catch
        {
            context.Dispose();
            throw;
        }
    }
}
