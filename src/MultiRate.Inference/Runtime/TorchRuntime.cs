using System.Runtime.InteropServices;
using TorchSharp;

namespace MultiRate.Inference.Runtime;

/// <summary>Loads TorchSharp's native backend once and turns a load failure into one clear message.</summary>
/// <remarks>
/// Thread-safe. Call before the first tensor operation (the factory does). It also sets libtorch's
/// intra-op thread count to 1: each MultiRate loop (fast head, slow context) runs on its own
/// thread, and libtorch's own pool would otherwise make the loops fight for the same cores and
/// add jitter to the fast loop. Inter-loop parallelism comes from the loops, not from libtorch.
/// </remarks>
public static class TorchRuntime
{
    private static readonly Lock Gate = new();
    private static bool _loaded;

    /// <summary>Intra-op threads used by libtorch (one per loop).</summary>
    public const int IntraOpThreads = 1;

    /// <summary>Forces the native load and sets one intra-op thread.</summary>
    /// <exception cref="TorchRuntimeException">The native library could not be loaded.</exception>
    public static void EnsureLoaded()
    {
        lock (Gate)
        {
            if (_loaded)
            {
                return;
            }

            // TorchSharp writes its probing trace to stdout when the load fails; stdout carries --json
            // output, so the trace goes to a buffer (the one-line message below says what failed).
            TextWriter stdout = Console.Out;
            using var trace = new StringWriter();
            Console.SetOut(trace);
            try
            {
                torch.set_num_threads(IntraOpThreads);
                using torch.Tensor probe = torch.zeros(1);
            }
            catch (Exception ex) when (ex is DllNotFoundException or NotSupportedException or TypeInitializationException or EntryPointNotFoundException or BadImageFormatException or InvalidOperationException)
            {
                throw new TorchRuntimeException(Describe(ex), ex);
            }
            finally
            {
                Console.SetOut(stdout);
            }

            // Anything else written meanwhile (another thread's output) is passed on.
            stdout.Write(trace.ToString());

            _loaded = true;
        }
    }

    internal static string Describe(Exception ex) => Describe(ex, ProbeNativeLoad());

    internal static string Describe(Exception ex, string? loaderError)
    {
        // TorchSharp's own message is a long probing trace; the loader's one line says what failed.
        Exception root = ex;
        while (root.InnerException is not null)
        {
            root = root.InnerException;
        }

        string detail = loaderError ?? root.Message.Split('\n', 2)[0].Trim();
        return "TorchSharp's native library (libLibTorchSharp / libtorch) failed to load: " + detail + Environment.NewLine +
            "To fix: rebuild with `dotnet build` (or `dotnet publish`) from the repository so the build's GLIBCXX fix " +
            "(Directory.Build.targets) patches the copy in the output folder, or install a libstdc++ from GCC 13 or newer " +
            "(one that defines GLIBCXX_3.4.32). Running a DLL copied from elsewhere skips the fix.";
    }

    /// <summary>Loads libLibTorchSharp from where the build put it, only to get the loader's error text.</summary>
    private static string? ProbeNativeLoad()
    {
        string baseDir = AppContext.BaseDirectory;
        string rid = RuntimeInformation.ProcessArchitecture == Architecture.Arm64 ? "linux-arm64" : "linux-x64";
        string[] candidates =
        [
            Path.Combine(baseDir, "runtimes", rid, "native", "libLibTorchSharp.so"),
            Path.Combine(baseDir, "libLibTorchSharp.so"),
        ];
        foreach (string candidate in candidates.Where(File.Exists))
        {
            try
            {
                NativeLibrary.Free(NativeLibrary.Load(candidate));
            }
            catch (DllNotFoundException load)
            {
                // .NET prepends generic advice; dlerror's text (e.g. "version `GLIBCXX_3.4.32' not found") is the last line.
                return load.Message.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)[^1];
            }
        }

        return null;
    }
}
