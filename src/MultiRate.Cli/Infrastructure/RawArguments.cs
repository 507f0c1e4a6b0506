using System.Globalization;
using System.Text;

namespace MultiRate.Cli.Infrastructure;

/// <summary>
/// Checks the command line's raw bytes: .NET decodes each argument as UTF-8 and replaces a byte
/// sequence that is not UTF-8 with U+FFFD, so a file named with Latin-1 bytes (<c>caf\xe9.mcap</c>)
/// would be looked up, or worse written, under another name. Such an argument is refused instead.
/// </summary>
/// <remarks>Linux only (<c>/proc/self/cmdline</c>); elsewhere, or when that file cannot be read, nothing is checked.</remarks>
internal static class RawArguments
{
    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The message for the first of the process's arguments that is not valid UTF-8, or null when all are.</summary>
    public static string? FindNonUtf8(int argumentCount)
    {
        if (!OperatingSystem.IsLinux())
        {
            return null;
        }

        try
        {
            return FindNonUtf8(File.ReadAllBytes("/proc/self/cmdline"), argumentCount);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>As <see cref="FindNonUtf8(int)"/>, on <paramref name="cmdline"/> (NUL-separated; the program's arguments are its last <paramref name="argumentCount"/> entries).</summary>
    public static string? FindNonUtf8(byte[] cmdline, int argumentCount)
    {
        ArgumentNullException.ThrowIfNull(cmdline);
        ReadOnlySpan<byte> all = cmdline.AsSpan();
        if (all.Length > 0 && all[^1] == 0)
        {
            all = all[..^1];
        }

        var entries = new List<byte[]>();
        foreach (Range r in all.Split((byte)0))
        {
            entries.Add(all[r].ToArray());
        }

        int first = Math.Max(0, entries.Count - argumentCount);
        for (int i = first; i < entries.Count; i++)
        {
            int bad = InvalidAt(entries[i]);
            if (bad >= 0)
            {
                string shown = Encoding.UTF8.GetString(entries[i]);
                return string.Create(
                    CultureInfo.InvariantCulture,
                    $"multirate: argument {i - first + 1} ('{shown}') is not valid UTF-8 (byte 0x{entries[i][bad]:X2} at offset {bad}); multirate reads arguments as UTF-8 and would open or write a file of another name: rename the file to a UTF-8 name, or reach it through a symbolic link that has one");
            }
        }

        return null;
    }

    private static int InvalidAt(byte[] bytes)
    {
        try
        {
            _ = Strict.GetCharCount(bytes);
            return -1;
        }
        catch (DecoderFallbackException ex)
        {
            return Math.Max(0, ex.Index);
        }
    }
}
