using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using CsCheck;
using MultiRate.Core.Errors;
using Xunit;

namespace MultiRate.Tests.Shared;

/// <summary>
/// Runs a fuzz target over generated inputs (one source file, compiled into each test project that
/// fuzzes: see its csproj). Each case must end in success or a typed
/// <see cref="UserInputException"/> with a message; anything else fails (CsCheck shrinks it and
/// the smallest failing input is saved to a file named in the failure). Each case must allocate at
/// most its cap (managed bytes on the reading thread, so a lying length field cannot slip through),
/// and a watchdog fails a case that runs longer than <see cref="CaseTimeout"/> instead of hanging CI.
/// </summary>
internal static class FuzzRunner
{
    /// <summary>
    /// The base of the per-case seeds: case i of a test is generated from the PCG seed
    /// (<see cref="Stream"/>, base + i), so every run of a test reads the same inputs and a red run is
    /// red again on the same case. <c>MULTIRATE_FUZZ_SEED</c> (a number) moves the base, to explore.
    /// </summary>
    public const ulong DefaultSeedBase = 0x6D75_6C74_6972_6174;

    private const uint Stream = 17;

    /// <summary>Generous: the slowest real case takes milliseconds; only a hang comes near this.</summary>
    public static readonly TimeSpan CaseTimeout = TimeSpan.FromSeconds(20);

    /// <summary>
    /// Iterations for one fuzz test: <paramref name="ciDefault"/> (sized so the whole fuzz set stays
    /// well under 30 s), or <c>MULTIRATE_FUZZ_ITERATIONS</c> for a long run.
    /// </summary>
    public static int Iterations(int ciDefault) =>
        int.TryParse(Environment.GetEnvironmentVariable("MULTIRATE_FUZZ_ITERATIONS"), NumberStyles.Integer, CultureInfo.InvariantCulture, out int n) && n > 0 ? n : ciDefault;

    /// <summary>The seed base: <c>MULTIRATE_FUZZ_SEED</c>, else <see cref="DefaultSeedBase"/>.</summary>
    public static ulong SeedBase() =>
        ulong.TryParse(Environment.GetEnvironmentVariable("MULTIRATE_FUZZ_SEED"), NumberStyles.Integer, CultureInfo.InvariantCulture, out ulong s) ? s : DefaultSeedBase;

    /// <summary>Runs <paramref name="target"/> on every input of <paramref name="gen"/>.</summary>
    /// <param name="gen">The inputs.</param>
    /// <param name="iterations">How many.</param>
    /// <param name="target">Reads one input completely; may throw only <see cref="UserInputException"/>s.</param>
    /// <param name="allocationCap">The most managed bytes one case may allocate.</param>
    public static void Run(Gen<byte[]> gen, int iterations, Action<byte[]> target, Func<byte[], long> allocationCap)
    {
        var clock = new CaseClock();
        Exception? failure = null;
        var worker = new Thread(() =>
        {
            try
            {
                ulong seedBase = SeedBase();
                for (int i = 0; i < iterations; i++)
                {
                    // One Sample call per case: CsCheck fixes only the first iteration's seed, so a
                    // single call with iter: n would draw cases 2..n afresh on every run.
                    string seed = new PCG(Stream, unchecked(seedBase + (ulong)i)).ToString();
                    gen.Sample(input => RunCase(input, target, allocationCap, clock), seed: seed, iter: 1, threads: 1, print: Save);
                }
            }
            catch (Exception ex)
            {
                failure = ex;
            }
        })
        {
            IsBackground = true, // a hung case must not keep the test host alive
            Name = "fuzz",
        };
        worker.Start();
        while (!worker.Join(100))
        {
            if (clock.Elapsed > CaseTimeout)
            {
                Assert.Fail($"a fuzz case ran longer than {CaseTimeout.TotalSeconds} s (hang?); input saved as {Save(clock.Input!)}");
            }
        }

        if (failure is not null)
        {
            throw new Xunit.Sdk.XunitException("fuzz case failed: " + failure.Message, failure);
        }
    }

    private static void RunCase(byte[] input, Action<byte[]> target, Func<byte[], long> allocationCap, CaseClock clock)
    {
        clock.Begin(input);
        long before = GC.GetAllocatedBytesForCurrentThread();
        try
        {
            target(input);
        }
        catch (UserInputException ex)
        {
            Assert.False(string.IsNullOrWhiteSpace(ex.Message), "a typed error must say what is wrong");
        }
        finally
        {
            clock.End();
        }

        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        long cap = allocationCap(input);
        Assert.True(allocated <= cap, $"a {input.Length}-byte input allocated {allocated:N0} bytes, cap {cap:N0}");
    }

    /// <summary>Saves a failing input and returns its description, so it can be replayed.</summary>
    private static string Save(byte[] input)
    {
        string path = Path.Combine(Path.GetTempPath(), $"multirate-fuzz-{Convert.ToHexString(SHA256.HashData(input))[..16]}.bin");
        File.WriteAllBytes(path, input);
        return $"{input.Length} bytes in {path}";
    }

    /// <summary>When the current case started, for the watchdog.</summary>
    private sealed class CaseClock
    {
        private long _started;

        public byte[]? Input { get; private set; }

        public TimeSpan Elapsed => Volatile.Read(ref _started) is long s and > 0 ? Stopwatch.GetElapsedTime(s) : TimeSpan.Zero;

        public void Begin(byte[] input)
        {
            Input = input;
            Volatile.Write(ref _started, Stopwatch.GetTimestamp());
        }

        public void End() => Volatile.Write(ref _started, 0);
    }
}
