using System.Runtime.InteropServices;

namespace MultiRate.Core.IO;

/// <summary>
/// <c>statx(2)</c>: the file's type and size without opening it. <c>struct statx</c> has the same
/// layout on every Linux architecture (unlike <c>struct stat</c>), so a fixed buffer is safe.
/// </summary>
internal static class NativeStat
{
    /// <summary>S_IFMT.</summary>
    public const int TypeMask = 0xF000;

    /// <summary>S_IFREG.</summary>
    public const int Regular = 0x8000;

    /// <summary>S_IFDIR.</summary>
    public const int DirectoryType = 0x4000;

    private const int AtFdCwd = -100;
    private const uint StatxType = 0x1;
    private const uint StatxSize = 0x200;
    private const int ENOENT = 2;
    private const int ENOTDIR = 20;

    /// <summary>
    /// Stats <paramref name="path"/> (following links). False when statx is unavailable (old libc or
    /// kernel) or fails for another reason than a missing file; the caller then falls back.
    /// </summary>
    public static bool TryStat(string path, out int mode, out long size, out bool missing)
    {
        mode = 0;
        size = 0;
        missing = false;
        var buffer = new byte[256];
        int rc;
        try
        {
            rc = Statx(AtFdCwd, path, 0, StatxType | StatxSize, buffer);
        }
        catch (Exception ex) when (ex is EntryPointNotFoundException or DllNotFoundException)
        {
            return false;
        }

        if (rc != 0)
        {
            int errno = Marshal.GetLastPInvokeError();
            missing = errno is ENOENT or ENOTDIR;
            return missing;
        }

        mode = BitConverter.ToUInt16(buffer, 28);
        size = BitConverter.ToInt64(buffer, 40);
        return true;
    }

    // DllImport rather than LibraryImport: the generated marshaller needs unsafe code, which this
    // BCL-only project does not otherwise allow; the signature is blittable apart from the path.
    [DllImport("libc", EntryPoint = "statx", SetLastError = true, CharSet = CharSet.Ansi, BestFitMapping = false, ThrowOnUnmappableChar = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int Statx(int dirfd, [MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags, uint mask, [Out] byte[] buffer);
}
