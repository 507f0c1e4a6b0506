using System.Runtime.InteropServices;
using ILGPU.Runtime;
using ILGPU.Runtime.Cuda;

namespace MultiRate.Inference.Gpu;

/// <summary>Creates CUDA streams with a priority on an ILGPU CUDA accelerator.</summary>
/// <remarks>
/// ILGPU 1.5.3 wraps cuStreamCreateWithPriority but keeps the wrapper internal, and does not wrap
/// cuCtxGetStreamPriorityRange at all; it does accept a stream made elsewhere
/// (<see cref="CudaAccelerator.CreateStream(IntPtr, bool)"/>, which then owns and destroys it). So
/// the two driver entry points are resolved here from the driver library ILGPU itself loaded.
/// Both act on the calling thread's current context, which <see cref="Accelerator.Bind"/> sets.
/// The range is queried rather than assumed: it differs between GPU generations (lower number =
/// higher priority; e.g. 0 down to -5 on recent GPUs), and the driver clamps values outside it.
/// Start-up only; never on a clock thread.
/// </remarks>
internal static class CudaPriorityStreams
{
    private static readonly Lazy<Driver> Api = new(Driver.Load);

    [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
    private delegate int StreamCreateWithPriority(out IntPtr stream, uint flags, int priority);

    [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
    private delegate int CtxGetStreamPriorityRange(out int leastPriority, out int greatestPriority);

    /// <summary>A non-blocking stream at the context's highest or lowest priority, and the CUDA priority it got.</summary>
    /// <exception cref="InvalidOperationException">The driver refused (the message names the call and its error code).</exception>
    public static (AcceleratorStream Stream, int Priority) Create(CudaAccelerator accelerator, StreamPriority priority)
    {
        ArgumentNullException.ThrowIfNull(accelerator);
        Driver api = Api.Value;
        accelerator.Bind();
        Check(api.Range(out int least, out int greatest), "cuCtxGetStreamPriorityRange");
        int value = priority == StreamPriority.Highest ? greatest : least;

        // Non-blocking: the stream does not synchronise with the legacy default stream, so work
        // anything else queues there never sits in front of a tick.
        Check(api.Create(out IntPtr stream, (uint)StreamFlags.CU_STREAM_NON_BLOCKING, value), "cuStreamCreateWithPriority");
        return (accelerator.CreateStream(stream, responsible: true), value);
    }

    private static void Check(int error, string call)
    {
        if (error != 0)
        {
            throw new InvalidOperationException($"{call} failed with CUDA error {error}");
        }
    }

    private sealed class Driver
    {
        private Driver(StreamCreateWithPriority create, CtxGetStreamPriorityRange range)
        {
            Create = create;
            Range = range;
        }

        public StreamCreateWithPriority Create { get; }

        public CtxGetStreamPriorityRange Range { get; }

        public static Driver Load()
        {
            // The names ILGPU's own binding resolves to on Linux and Windows; already loaded by then.
            foreach (string name in (string[])["libcuda.so.1", "libcuda.so", "nvcuda"])
            {
                if (NativeLibrary.TryLoad(name, out IntPtr library))
                {
                    return new Driver(
                        Marshal.GetDelegateForFunctionPointer<StreamCreateWithPriority>(NativeLibrary.GetExport(library, "cuStreamCreateWithPriority")),
                        Marshal.GetDelegateForFunctionPointer<CtxGetStreamPriorityRange>(NativeLibrary.GetExport(library, "cuCtxGetStreamPriorityRange")));
                }
            }

            throw new InvalidOperationException("the NVIDIA driver library (libcuda) could not be loaded for stream priorities");
        }
    }
}
