// Makes TorchSharp's libLibTorchSharp.so loadable on hosts whose libstdc++ predates GCC 13.
//
// Why: TorchSharp 0.107 was linked by GCC 13, which makes every <iostream> user reference the link
// anchor `_ZSt21ios_base_library_initv` at version GLIBCXX_3.4.32. The symbol is never called, but
// the dynamic loader refuses the whole library when the host's libstdc++ (Debian 12: GLIBCXX_3.4.30)
// does not define that version. Marking the one version requirement weak (VER_FLG_WEAK in the
// Vernaux entry) turns the hard failure into nothing; every other requirement is left as it is.
//
// This one file is compiled two ways: by MSBuild's RoslynCodeTaskFactory (Directory.Build.targets,
// the task class below) and into tests/MultiRate.Inference.Tests with MULTIRATE_NATIVE_FIX_TESTS
// defined (the ELF logic only), so the patcher itself is unit-tested. Keep it BCL + netstandard2.0.
#nullable enable
using System;
using System.IO;
using System.Text;
#if !MULTIRATE_NATIVE_FIX_TESTS
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;
#endif

namespace MultiRate.NativeFix
{
#if !MULTIRATE_NATIVE_FIX_TESTS
    /// <summary>MSBuild task: weakens GLIBCXX_3.4.32 in each given ELF file when the host lacks it.</summary>
    public class PatchGlibcxxWeak : Task
    {
        /// <summary>Copies of libLibTorchSharp.so in an output or publish folder (never the NuGet cache).</summary>
        [Required]
        public ITaskItem[] Files { get; set; } = Array.Empty<ITaskItem>();

        /// <summary>The version requirement to weaken.</summary>
        public string Version { get; set; } = "GLIBCXX_3.4.32";

        /// <inheritdoc />
        public override bool Execute()
        {
            string? host = GlibcxxElf.FindHostLibStdCxxWithout(Version, out bool anyFound);
            if (anyFound && host == null)
            {
                Log.LogMessage(MessageImportance.Low, "libstdc++ on this host defines {0}; TorchSharp native library left as shipped.", Version);
                return true;
            }

            foreach (ITaskItem item in Files)
            {
                string path = item.GetMetadata("FullPath");
                if (!File.Exists(path))
                {
                    continue;
                }

                PatchResult result = GlibcxxElf.PatchFile(path, Version);
                switch (result)
                {
                    case PatchResult.Patched:
                        Log.LogMessage(MessageImportance.High, "MultiRate: marked {0} weak in {1} (host libstdc++ {2} lacks it; see Directory.Build.targets)", Version, path, host ?? "not found");
                        break;
                    case PatchResult.NotElf64:
                    case PatchResult.NoVerneed:
                        Log.LogWarning("MultiRate: {0} is not a 64-bit little-endian ELF with a .gnu.version_r section; not patched", path);
                        break;
                    default:
                        Log.LogMessage(MessageImportance.Low, "MultiRate: {0}: {1}", path, result);
                        break;
                }
            }

            return !Log.HasLoggedErrors;
        }
    }
#endif

    /// <summary>What <see cref="GlibcxxElf.Patch"/> did.</summary>
    internal enum PatchResult
    {
        /// <summary>The flag was set.</summary>
        Patched,

        /// <summary>The requirement was already weak: nothing changed.</summary>
        AlreadyWeak,

        /// <summary>The file does not require that version.</summary>
        NotRequired,

        /// <summary>Not a 64-bit little-endian ELF.</summary>
        NotElf64,

        /// <summary>No SHT_GNU_verneed section.</summary>
        NoVerneed,
    }

    /// <summary>Minimal ELF64 reader/writer for the version-needs table.</summary>
    internal static class GlibcxxElf
    {
        /// <summary>SHT_GNU_verneed.</summary>
        internal const uint ShtGnuVerneed = 0x6ffffffe;

        /// <summary>VER_FLG_WEAK.</summary>
        internal const ushort VerFlgWeak = 0x2;

        private static readonly string[] LibStdCxxCandidates =
        {
            "/usr/lib/x86_64-linux-gnu/libstdc++.so.6",
            "/lib/x86_64-linux-gnu/libstdc++.so.6",
            "/usr/lib/aarch64-linux-gnu/libstdc++.so.6",
            "/lib/aarch64-linux-gnu/libstdc++.so.6",
            "/usr/lib64/libstdc++.so.6",
            "/lib64/libstdc++.so.6",
            "/usr/lib/libstdc++.so.6",
        };

        /// <summary>
        /// Returns the first libstdc++ found that does not define <paramref name="version"/>, or null
        /// when every one found defines it (or none was found: <paramref name="anyFound"/> is false).
        /// </summary>
        internal static string? FindHostLibStdCxxWithout(string version, out bool anyFound)
        {
            anyFound = false;
            byte[] needle = Encoding.ASCII.GetBytes(version + "\0");
            foreach (string candidate in LibStdCxxCandidates)
            {
                if (!File.Exists(candidate))
                {
                    continue;
                }

                anyFound = true;
                if (IndexOf(File.ReadAllBytes(candidate), needle) < 0)
                {
                    return candidate;
                }
            }

            return null;
        }

        /// <summary>
        /// Patches a file by writing a new file and renaming it over the old one, so a hard link
        /// or symlink into the NuGet cache is never written through. Keeps the timestamp so
        /// MSBuild's incremental copy sees the file as unchanged.
        /// </summary>
        internal static PatchResult PatchFile(string path, string version)
        {
            byte[] bytes = File.ReadAllBytes(path);
            PatchResult result = Patch(bytes, version);
            if (result != PatchResult.Patched)
            {
                return result;
            }

            DateTime stamp = File.GetLastWriteTimeUtc(path);
            string temp = path + ".mrpatch";
            File.WriteAllBytes(temp, bytes);
            File.Delete(path);
            File.Move(temp, path);
            File.SetLastWriteTimeUtc(path, stamp);
            return result;
        }

        /// <summary>Sets VER_FLG_WEAK on every Vernaux entry named <paramref name="version"/>, in memory.</summary>
        internal static PatchResult Patch(byte[] elf, string version)
        {
            if (!TryFindVerneed(elf, out long offset, out long size, out int count, out long strOffset, out long strSize))
            {
                return elf.Length >= 64 && elf[0] == 0x7f && elf[1] == (byte)'E' && elf[4] == 2 && elf[5] == 1
                    ? PatchResult.NoVerneed
                    : PatchResult.NotElf64;
            }

            PatchResult result = PatchResult.NotRequired;
            long need = offset;
            for (int i = 0; i < count && need + 16 <= offset + size; i++)
            {
                int auxCount = U16(elf, need + 2);
                long aux = need + U32(elf, need + 8);
                for (int j = 0; j < auxCount && aux + 16 <= offset + size; j++)
                {
                    long nameOffset = U32(elf, aux + 8);
                    if (nameOffset < strSize && NameEquals(elf, strOffset + nameOffset, version))
                    {
                        ushort flags = U16(elf, aux + 4);
                        if ((flags & VerFlgWeak) != 0)
                        {
                            result = result == PatchResult.Patched ? result : PatchResult.AlreadyWeak;
                        }
                        else
                        {
                            flags |= VerFlgWeak;
                            elf[aux + 4] = (byte)(flags & 0xff);
                            elf[aux + 5] = (byte)(flags >> 8);
                            result = PatchResult.Patched;
                        }
                    }

                    uint nextAux = U32(elf, aux + 12);
                    if (nextAux == 0)
                    {
                        break;
                    }

                    aux += nextAux;
                }

                uint next = U32(elf, need + 12);
                if (next == 0)
                {
                    break;
                }

                need += next;
            }

            return result;
        }

        /// <summary>Reads the flags of the Vernaux entry named <paramref name="version"/>, or -1 when absent.</summary>
        internal static int ReadFlags(byte[] elf, string version)
        {
            byte[] copy = (byte[])elf.Clone();
            PatchResult result = Patch(copy, version);
            if (result == PatchResult.AlreadyWeak)
            {
                return VerFlgWeak;
            }

            return result == PatchResult.Patched ? 0 : -1;
        }

        private static bool TryFindVerneed(byte[] elf, out long offset, out long size, out int count, out long strOffset, out long strSize)
        {
            offset = size = strOffset = strSize = 0;
            count = 0;
            bool elf64Le = elf.Length >= 64 && elf[0] == 0x7f && elf[1] == (byte)'E' && elf[2] == (byte)'L' && elf[3] == (byte)'F'
                && elf[4] == 2 && elf[5] == 1;
            if (!elf64Le)
            {
                return false;
            }

            long shoff = (long)U64(elf, 0x28);
            int shentsize = U16(elf, 0x3A);
            int shnum = U16(elf, 0x3C);
            if (shoff <= 0 || shentsize < 64 || shoff + ((long)shnum * shentsize) > elf.Length)
            {
                return false;
            }

            for (int i = 0; i < shnum; i++)
            {
                long sh = shoff + ((long)i * shentsize);
                if (U32(elf, sh + 4) != ShtGnuVerneed)
                {
                    continue;
                }

                offset = (long)U64(elf, sh + 0x18);
                size = (long)U64(elf, sh + 0x20);
                uint link = U32(elf, sh + 0x28);
                count = (int)U32(elf, sh + 0x2C);
                if (link >= shnum || offset + size > elf.Length)
                {
                    return false;
                }

                long str = shoff + ((long)link * shentsize);
                strOffset = (long)U64(elf, str + 0x18);
                strSize = (long)U64(elf, str + 0x20);
                return strOffset + strSize <= elf.Length;
            }

            return false;
        }

        private static bool NameEquals(byte[] elf, long at, string name)
        {
            if (at + name.Length >= elf.Length)
            {
                return false;
            }

            for (int i = 0; i < name.Length; i++)
            {
                if (elf[at + i] != (byte)name[i])
                {
                    return false;
                }
            }

            return elf[at + name.Length] == 0;
        }

        private static int IndexOf(byte[] haystack, byte[] needle)
        {
            for (int i = 0; i + needle.Length <= haystack.Length; i++)
            {
                if (haystack[i] != needle[0])
                {
                    continue;
                }

                int j = 1;
                while (j < needle.Length && haystack[i + j] == needle[j])
                {
                    j++;
                }

                if (j == needle.Length)
                {
                    return i;
                }
            }

            return -1;
        }

        private static ushort U16(byte[] b, long at) => (ushort)(b[at] | (b[at + 1] << 8));

        private static uint U32(byte[] b, long at) => (uint)(b[at] | (b[at + 1] << 8) | (b[at + 2] << 16) | (b[at + 3] << 24));

        private static ulong U64(byte[] b, long at) => U32(b, at) | ((ulong)U32(b, at + 4) << 32);
    }
}
