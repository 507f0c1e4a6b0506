using System.Globalization;
using MultiRate.Core.Errors;

namespace MultiRate.Core.IO;

/// <summary>
/// Opens the files a user names (profiles, configs, logs, weights) only when they are regular
/// files within a stated size, so that a FIFO never blocks, a device such as <c>/dev/zero</c> is
/// never read to exhaustion and a directory gets one clear message.
/// </summary>
/// <remarks>
/// The file's type is read with <c>statx</c> (Linux) before anything opens it: opening a FIFO for
/// reading blocks until a writer appears, so checking after the open would be too late. Where
/// <c>statx</c> is not available the check falls back to the directory attribute and the length.
/// Thread-safe: no shared state.
/// </remarks>
public static class InputFiles
{
    /// <summary>The largest rate profile or model config read: 1 MiB (the shipped ones are under 8 KiB).</summary>
    public const long ConfigCapBytes = 1L << 20;

    /// <summary>The largest log file opened: 1 TiB (logs are streamed, never held whole in memory).</summary>
    public const long LogCapBytes = 1L << 40;

    /// <summary>The largest weights file opened: 64 GiB (also checked against physical memory when loaded).</summary>
    public const long WeightsCapBytes = 64L << 30;

    /// <summary>
    /// Checks that <paramref name="path"/> names an existing regular file of at most
    /// <paramref name="capBytes"/> bytes and returns its size.
    /// </summary>
    /// <param name="path">The path the user gave.</param>
    /// <param name="what">What the file is ("rate profile", "log"), for the message.</param>
    /// <param name="capBytes">The largest size accepted.</param>
    /// <exception cref="UserInputException">The path is empty, missing, not a regular file, or too large.</exception>
    public static long CheckRegular(string? path, string what, long capBytes)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            throw new UserInputException($"no {what} path given; expected the path of a file");
        }

        if (path.Contains('\0', StringComparison.Ordinal))
        {
            throw new UserInputException($"{what} path '{path.Replace('\0', '?')}' contains a NUL character");
        }

        FileKind kind;
        long size;
        try
        {
            (kind, size) = Probe(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new UserInputException($"cannot read {what} '{path}': {ex.Message}", ex);
        }

        switch (kind)
        {
            case FileKind.Missing:
                throw new UserInputException($"{what} '{path}' not found (looked at '{SafeFullPath(path)}')");
            case FileKind.Directory:
                throw new UserInputException($"{what} '{path}' is a directory; expected a regular file");
            case FileKind.Other:
                throw new UserInputException(
                    $"{what} '{path}' is not a regular file (a FIFO, socket or device); give a regular file (inputs are read whole or seeked, a stream cannot be)");
        }

        if (size > capBytes)
        {
            throw new UserInputException(string.Create(
                CultureInfo.InvariantCulture,
                $"{what} '{path}' is {size} bytes; the limit for a {what} is {capBytes} bytes ({Describe(capBytes)})"));
        }

        return size;
    }

    /// <summary>Reads a regular file of at most <paramref name="capBytes"/> as UTF-8 text.</summary>
    /// <exception cref="UserInputException">See <see cref="CheckRegular"/>; also when reading fails.</exception>
    public static string ReadText(string? path, string what, long capBytes)
    {
        CheckRegular(path, what, capBytes);
        try
        {
            using FileStream stream = new(path!, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            using var reader = new StreamReader(stream, System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true);

            // Read at most one character past the cap: the file may have grown since the check.
            var buffer = new char[checked((int)Math.Min(capBytes + 1, int.MaxValue - 64))];
            int total = reader.ReadBlock(buffer, 0, buffer.Length);
            if (total > capBytes)
            {
                throw new UserInputException(string.Create(
                    CultureInfo.InvariantCulture,
                    $"{what} '{path}' grew past the limit for a {what} ({capBytes} bytes) while it was read"));
            }

            return new string(buffer, 0, total);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new UserInputException($"cannot read {what} '{path}': {ex.Message}", ex);
        }
    }

    /// <summary>Opens a checked regular file for reading (shared with writers, as logs are often still being written).</summary>
    /// <exception cref="UserInputException">See <see cref="CheckRegular"/>; also when opening fails.</exception>
    public static FileStream OpenRead(string? path, string what, long capBytes, int bufferSize = 1 << 16)
    {
        CheckRegular(path, what, capBytes);
        try
        {
            return new FileStream(path!, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, bufferSize);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new UserInputException($"cannot read {what} '{path}': {ex.Message}", ex);
        }
    }

    /// <summary>A size in the largest whole binary unit, for messages.</summary>
    public static string Describe(long bytes) => bytes switch
    {
        >= 1L << 40 when bytes % (1L << 40) == 0 => Inv($"{bytes >> 40} TiB"),
        >= 1L << 30 when bytes % (1L << 30) == 0 => Inv($"{bytes >> 30} GiB"),
        >= 1L << 20 when bytes % (1L << 20) == 0 => Inv($"{bytes >> 20} MiB"),
        >= 1L << 10 when bytes % (1L << 10) == 0 => Inv($"{bytes >> 10} KiB"),
        _ => Inv($"{bytes} bytes"),
    };

    private static (FileKind Kind, long Size) Probe(string path)
    {
        if (OperatingSystem.IsLinux() && NativeStat.TryStat(path, out int mode, out long size, out bool missing))
        {
            if (missing)
            {
                return (FileKind.Missing, 0);
            }

            return (mode & NativeStat.TypeMask) switch
            {
                NativeStat.Regular => (FileKind.Regular, size),
                NativeStat.DirectoryType => (FileKind.Directory, 0),
                _ => (FileKind.Other, 0),
            };
        }

        if (Directory.Exists(path))
        {
            return (FileKind.Directory, 0);
        }

        var info = new FileInfo(path);
        return info.Exists ? (FileKind.Regular, info.Length) : (FileKind.Missing, 0);
    }

    private static string SafeFullPath(string path)
    {
        try
        {
            return Path.GetFullPath(path);
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException or PathTooLongException)
        {
            return path;
        }
    }

    private static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);

    private enum FileKind
    {
        Missing,
        Regular,
        Directory,
        Other,
    }
}
