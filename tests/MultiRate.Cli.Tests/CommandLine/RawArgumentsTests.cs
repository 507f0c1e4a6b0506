using System.Diagnostics;
using System.Text;
using MultiRate.Cli.Infrastructure;

namespace MultiRate.Cli.Tests.CommandLine;

/// <summary>Arguments that are not UTF-8 (a Latin-1 file name) are refused, never decoded into another file's name.</summary>
public sealed class RawArgumentsTests
{
    [Fact]
    public void FindNonUtf8_AllArgumentsUtf8_Null()
    {
        byte[] cmdline = Cmdline("dotnet", "multirate.dll", "validate", "rates/café.yaml", string.Empty);

        Assert.Null(RawArguments.FindNonUtf8(cmdline, 3));
    }

    [Fact]
    public void FindNonUtf8_Latin1Byte_NamesTheArgumentTheByteAndItsOffset()
    {
        byte[] cmdline = [.. Cmdline("dotnet", "multirate.dll", "replay", "--record"), .. "out-caf"u8, 0xE9, .. ".mcap"u8, 0];

        string? message = RawArguments.FindNonUtf8(cmdline, 3);

        Assert.NotNull(message);
        Assert.StartsWith("multirate: argument 3 ('out-caf\uFFFD.mcap') is not valid UTF-8 (byte 0xE9 at offset 7)", message, StringComparison.Ordinal);
    }

    [Fact]
    public void FindNonUtf8_HostPathNotUtf8_NotTheProgramsConcern()
    {
        // Only the program's own arguments (the last N entries) are checked.
        byte[] cmdline = [.. "/opt/d"u8, 0xFF, 0, .. Cmdline("multirate.dll", "validate", "x.yaml")];

        Assert.Null(RawArguments.FindNonUtf8(cmdline, 2));
    }

    [Fact]
    public void Main_PathArgumentNotUtf8_ExitTwoBeforeAnyFileIsWritten()
    {
        string dir = Directory.CreateTempSubdirectory("multirate-raw-args-").FullName;
        try
        {
            // bash's printf puts the raw byte 0xFE in the argument; .NET alone cannot pass one.
            var start = new ProcessStartInfo("bash")
            {
                WorkingDirectory = CliRunner.RepoRoot,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            start.ArgumentList.Add("-c");
            start.ArgumentList.Add("exec dotnet \"$0\" replay --seconds 1 --record \"$1/rec$(printf '\\376').mcap\"");
            start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "multirate.dll"));
            start.ArgumentList.Add(dir);

            using Process process = Process.Start(start)!;
            string err = process.StandardError.ReadToEnd();
            process.WaitForExit();

            Assert.Equal(2, process.ExitCode);
            Assert.Contains("argument 5 (", err, StringComparison.Ordinal);
            Assert.Contains("is not valid UTF-8 (byte 0xFE", err, StringComparison.Ordinal);
            Assert.Empty(Directory.GetFileSystemEntries(dir));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private static byte[] Cmdline(params string[] entries) =>
        [.. entries.SelectMany(e => Encoding.UTF8.GetBytes(e).Append((byte)0))];
}
