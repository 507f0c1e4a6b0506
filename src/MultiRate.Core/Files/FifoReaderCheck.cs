using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;
using MultiRate.Core.Errors;

namespace MultiRate.Core.Files;

/// <summary>
/// Makes sure a FIFO given as an output has a reader before anything opens it for writing. A plain
/// <c>open(O_WRONLY)</c> on a FIFO waits in the kernel until some process opens it for reading, for
/// ever if none does, and a stop signal cannot end that wait; <c>O_NONBLOCK</c> answers at once
/// instead (<c>ENXIO</c>: no reader).
/// </summary>
/// <remarks>
/// The write end opened here is held until the output is done: were it closed at once, a reader such
/// as <c>cat fifo</c> would see end of file and leave before the real writer opened the FIFO, and
/// that writer would wait again. Linux only; elsewhere nothing is checked.
/// </remarks>
internal static partial class FifoReaderCheck
{
    private const int OWronly = 0x1;
    private const int ONonblock = 0x800;
    private const int OCloexec = 0x80000;
    private const int ENXIO = 6;

    /// <summary>Opens <paramref name="path"/>'s write end without waiting; the handle keeps the reader's end open.</summary>
    /// <exception cref="UserInputException">No process is reading the FIFO, or it cannot be opened.</exception>
    public static SafeFileHandle? HoldWriteEnd(string path, string option)
    {
        if (!OperatingSystem.IsLinux())
        {
            return null;
        }

        int fd = Open(path, OWronly | ONonblock | OCloexec);
        if (fd >= 0)
        {
            return new SafeFileHandle(fd, ownsHandle: true);
        }

        int errno = Marshal.GetLastPInvokeError();
        throw errno == ENXIO
            ? new UserInputException(
                $"{option} '{path}': is a FIFO that no process is reading, so writing it would wait for ever; start the reader first (e.g. 'cat {path} > file &') or give a regular file")
            : new UserInputException($"{option} '{path}': cannot open the FIFO for writing (errno {errno}); expected a writable file path");
    }

    [LibraryImport("libc", EntryPoint = "open", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int Open(string path, int flags);
}
