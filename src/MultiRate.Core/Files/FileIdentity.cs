using System.Buffers.Binary;
using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace MultiRate.Core.Files;

/// <summary>
/// What a path refers to on disk: device and inode (Linux <c>statx</c>, following symbolic links), and
/// the file type. Two paths name the same file exactly when their identities are equal, whatever their
/// spelling: a hard link, a symbolic link or <c>./a/../b</c> all compare equal to the file itself.
/// </summary>
/// <param name="Device">Device number (major &lt;&lt; 32 | minor) of the file system holding the file.</param>
/// <param name="Inode">Inode number on that device.</param>
/// <param name="Kind">Regular file, directory, device, FIFO, ...</param>
public readonly partial record struct FileIdentity(ulong Device, ulong Inode, FileKind Kind)
{
    // statx(2) fills a 256-byte struct statx whose layout is the same on every architecture.
    private const int StatxSize = 256;
    private const int AtFdCwd = -100;
    private const int AtEmptyPath = 0x1000;
    private const uint StatxBasicStats = 0x7ff;

    /// <summary>The identity of the file <paramref name="path"/> names (symbolic links followed); null when there is no such file.</summary>
    /// <exception cref="IOException">The file exists but cannot be examined (permissions on a parent directory, ...).</exception>
    public static FileIdentity? Of(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (!OperatingSystem.IsLinux())
        {
            return Portable(path);
        }

        byte[] buffer = new byte[StatxSize];
        if (Statx(AtFdCwd, path, 0, StatxBasicStats, buffer) == 0)
        {
            return Parse(buffer);
        }

        int errno = Marshal.GetLastPInvokeError();
        const int ENOENT = 2, ENOTDIR = 20;
        return errno is ENOENT or ENOTDIR ? null : throw new IOException($"{path}: cannot examine the file (statx errno {errno})");
    }

    /// <summary>The identity of an open file.</summary>
    /// <exception cref="IOException">The handle cannot be examined.</exception>
    public static FileIdentity Of(SafeFileHandle handle)
    {
        ArgumentNullException.ThrowIfNull(handle);
        if (!OperatingSystem.IsLinux())
        {
            return new FileIdentity(0, 0, FileKind.Regular);
        }

        byte[] buffer = new byte[StatxSize];
        bool added = false;
        try
        {
            handle.DangerousAddRef(ref added);
            if (Statx((int)handle.DangerousGetHandle(), string.Empty, AtEmptyPath, StatxBasicStats, buffer) != 0)
            {
                throw new IOException($"cannot examine an open file (statx errno {Marshal.GetLastPInvokeError()})");
            }
        }
        finally
        {
            if (added)
            {
                handle.DangerousRelease();
            }
        }

        return Parse(buffer);
    }

    private static FileIdentity Parse(ReadOnlySpan<byte> b)
    {
        ushort mode = BinaryPrimitives.ReadUInt16LittleEndian(b[28..]);
        ulong inode = BinaryPrimitives.ReadUInt64LittleEndian(b[32..]);
        ulong major = BinaryPrimitives.ReadUInt32LittleEndian(b[136..]);
        ulong minor = BinaryPrimitives.ReadUInt32LittleEndian(b[140..]);
        FileKind kind = (mode & 0xF000) switch
        {
            0x8000 => FileKind.Regular,
            0x4000 => FileKind.Directory,
            0x2000 or 0x6000 => FileKind.Device,
            0x1000 => FileKind.Fifo,
            _ => FileKind.Other,
        };
        return new FileIdentity((major << 32) | minor, inode, kind);
    }

    /// <summary>Off Linux: the full path with links resolved stands in for device and inode.</summary>
    private static FileIdentity? Portable(string path)
    {
        var info = new FileInfo(path);
        FileSystemInfo target = info.ResolveLinkTarget(returnFinalTarget: true) ?? info;
        if (!target.Exists && !Directory.Exists(target.FullName))
        {
            return null;
        }

        ulong hash = (ulong)StringComparer.OrdinalIgnoreCase.GetHashCode(Path.GetFullPath(target.FullName));
        return new FileIdentity(0, hash, Directory.Exists(target.FullName) ? FileKind.Directory : FileKind.Regular);
    }

    [LibraryImport("libc", EntryPoint = "statx", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int Statx(int dirfd, string path, int flags, uint mask, [Out] byte[] buffer);
}
