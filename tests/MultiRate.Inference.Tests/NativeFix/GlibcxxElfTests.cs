using System.Text;
using MultiRate.NativeFix;
using Xunit;

namespace MultiRate.Inference.Tests.NativeFix;

public sealed class GlibcxxElfTests
{
    private const string Wanted = "GLIBCXX_3.4.32";

    /// <summary>
    /// A minimal ELF64 LE image: section 1 = .dynstr, section 2 = .gnu.version_r with one Verneed
    /// (libstdc++.so.6) and two Vernaux entries (GLIBCXX_3.4.30, GLIBCXX_3.4.32).
    /// </summary>
    private static byte[] SyntheticElf(ushort flagsOf32 = 0)
    {
        byte[] dynstr = Encoding.ASCII.GetBytes("\0libstdc++.so.6\0GLIBCXX_3.4.30\0GLIBCXX_3.4.32\0");
        int file = 1, v30 = 16, v32 = 31;
        var verneed = new byte[16 + 32];
        Put16(verneed, 0, 1);
        Put16(verneed, 2, 2);
        Put32(verneed, 4, (uint)file);
        Put32(verneed, 8, 16);
        Put32(verneed, 16 + 8, (uint)v30);
        Put32(verneed, 16 + 12, 16);
        Put16(verneed, 32 + 4, flagsOf32);
        Put32(verneed, 32 + 8, (uint)v32);
        int dynstrOff = 64, verneedOff = dynstrOff + dynstr.Length, shoff = verneedOff + verneed.Length;
        var elf = new byte[shoff + (3 * 64)];
        elf[0] = 0x7f;
        elf[1] = (byte)'E';
        elf[2] = (byte)'L';
        elf[3] = (byte)'F';
        elf[4] = 2;
        elf[5] = 1;
        Put64(elf, 0x28, (ulong)shoff);
        Put16(elf, 0x3A, 64);
        Put16(elf, 0x3C, 3);
        dynstr.CopyTo(elf, dynstrOff);
        verneed.CopyTo(elf, verneedOff);
        int sh1 = shoff + 64;
        Put32(elf, sh1 + 4, 3);
        Put64(elf, sh1 + 0x18, (ulong)dynstrOff);
        Put64(elf, sh1 + 0x20, (ulong)dynstr.Length);
        int sh2 = shoff + 128;
        Put32(elf, sh2 + 4, GlibcxxElf.ShtGnuVerneed);
        Put64(elf, sh2 + 0x18, (ulong)verneedOff);
        Put64(elf, sh2 + 0x20, (ulong)verneed.Length);
        Put32(elf, sh2 + 0x28, 1);
        Put32(elf, sh2 + 0x2C, 1);
        return elf;
    }

    [Fact]
    public void Patch_StrictRequirement_SetsWeakFlagOnThatEntryOnly()
    {
        byte[] elf = SyntheticElf();
        Assert.Equal(0, GlibcxxElf.ReadFlags(elf, Wanted));
        Assert.Equal(PatchResult.Patched, GlibcxxElf.Patch(elf, Wanted));
        Assert.Equal(GlibcxxElf.VerFlgWeak, GlibcxxElf.ReadFlags(elf, Wanted));
        Assert.Equal(0, GlibcxxElf.ReadFlags(elf, "GLIBCXX_3.4.30"));
    }

    [Fact]
    public void Patch_AlreadyWeak_ChangesNothing()
    {
        byte[] elf = SyntheticElf(GlibcxxElf.VerFlgWeak);
        byte[] before = (byte[])elf.Clone();
        Assert.Equal(PatchResult.AlreadyWeak, GlibcxxElf.Patch(elf, Wanted));
        Assert.Equal(before, elf);
    }

    [Fact]
    public void Patch_VersionNotRequired_ReportsNotRequired()
    {
        Assert.Equal(PatchResult.NotRequired, GlibcxxElf.Patch(SyntheticElf(), "GLIBCXX_3.4.99"));
    }

    [Fact]
    public void Patch_NotAnElf_ReportsNotElf64()
    {
        Assert.Equal(PatchResult.NotElf64, GlibcxxElf.Patch(new byte[100], Wanted));
    }

    [Fact]
    public void PatchFile_ThroughSymlink_ReplacesTheLinkAndLeavesTheTargetUntouched()
    {
        string dir = Path.Combine(Path.GetTempPath(), "mr-elf-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            string cache = Path.Combine(dir, "cache.so");
            string output = Path.Combine(dir, "output.so");
            File.WriteAllBytes(cache, SyntheticElf());
            File.CreateSymbolicLink(output, cache);
            Assert.Equal(PatchResult.Patched, GlibcxxElf.PatchFile(output, Wanted));
            Assert.Equal(0, GlibcxxElf.ReadFlags(File.ReadAllBytes(cache), Wanted));
            Assert.Equal(GlibcxxElf.VerFlgWeak, GlibcxxElf.ReadFlags(File.ReadAllBytes(output), Wanted));
            Assert.Null(new FileInfo(output).LinkTarget);
            Assert.Equal(PatchResult.AlreadyWeak, GlibcxxElf.PatchFile(output, Wanted));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void PatchFile_PlainFile_KeepsItsTimestampSoIncrementalCopySkipsIt()
    {
        string file = Path.Combine(Path.GetTempPath(), "mr-elf-" + Guid.NewGuid().ToString("N") + ".so");
        try
        {
            File.WriteAllBytes(file, SyntheticElf());
            var stamp = new DateTime(2024, 1, 2, 3, 4, 5, DateTimeKind.Utc);
            File.SetLastWriteTimeUtc(file, stamp);
            Assert.Equal(PatchResult.Patched, GlibcxxElf.PatchFile(file, Wanted));
            Assert.Equal(stamp, File.GetLastWriteTimeUtc(file));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void OutputCopy_OnThisHost_IsWeakOrHostDefinesTheVersion()
    {
        // The build target patched this test project's own copy, unless the host does not need it.
        string so = Path.Combine(AppContext.BaseDirectory, "runtimes", "linux-x64", "native", "libLibTorchSharp.so");
        if (!OperatingSystem.IsLinux() || !File.Exists(so))
        {
            return;
        }

        string? lacking = GlibcxxElf.FindHostLibStdCxxWithout(Wanted, out bool anyFound);
        int flags = GlibcxxElf.ReadFlags(File.ReadAllBytes(so), Wanted);
        if (anyFound && lacking is null)
        {
            Assert.NotEqual(-1, flags);
        }
        else
        {
            Assert.Equal(GlibcxxElf.VerFlgWeak, flags);
        }
    }

    private static void Put16(byte[] b, int at, ushort v) => BitConverter.GetBytes(v).CopyTo(b, at);

    private static void Put32(byte[] b, int at, uint v) => BitConverter.GetBytes(v).CopyTo(b, at);

    private static void Put64(byte[] b, int at, ulong v) => BitConverter.GetBytes(v).CopyTo(b, at);
}
