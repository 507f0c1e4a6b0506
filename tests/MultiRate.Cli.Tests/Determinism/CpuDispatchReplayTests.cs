using System.Diagnostics;
using System.Text.Json.Nodes;

namespace MultiRate.Cli.Tests.Determinism;

/// <summary>
/// The golden replays give the golden action hashes whatever instruction set libtorch, oneMKL and
/// oneDNN are forced to dispatch to: the stand-in for running them on other x86-64 CPU families
/// (docs/determinism.md). Each case replays both shipped logs in a child process, because the
/// dispatch is fixed when the native libraries load.
/// </summary>
public sealed class CpuDispatchReplayTests
{
    public static TheoryData<string> DispatchCases()
    {
        // Each case forces every library down to one level; a level the CPU lacks is left out (forcing
        // it would execute instructions the CPU does not have).
        var cases = new TheoryData<string> { "ATEN_CPU_CAPABILITY=default MKL_CBWR=COMPATIBLE MKL_ENABLE_INSTRUCTIONS=SSE4_2 DNNL_MAX_CPU_ISA=SSE41" };
        string flags = CpuFlags();
        if (flags.Contains(" avx2 ", StringComparison.Ordinal) && flags.Contains(" fma ", StringComparison.Ordinal))
        {
            cases.Add("ATEN_CPU_CAPABILITY=avx2 MKL_CBWR=AVX2 MKL_ENABLE_INSTRUCTIONS=AVX2 DNNL_MAX_CPU_ISA=AVX2");
        }

        if (new[] { " avx512f ", " avx512bw ", " avx512vl ", " avx512dq " }.All(f => flags.Contains(f, StringComparison.Ordinal)))
        {
            cases.Add("ATEN_CPU_CAPABILITY=avx512 MKL_CBWR=AVX512 MKL_ENABLE_INSTRUCTIONS=AVX512 DNNL_MAX_CPU_ISA=AVX512_CORE");
        }

        return cases;
    }

    [Theory]
    [MemberData(nameof(DispatchCases))]
    public void Replay_ForcedInstructionSet_GivesTheGoldenActionHashes(string environment)
    {
        (string Golden, string Rates, string Config, string Log)[] replays =
        [
            ("px4-replay.json", "rates/px4-attitude-250hz.yaml", "configs/px4-attitude.yaml", "tests/data/px4-ulog-pyulog/sample.ulg"),
            ("imu-replay.json", "rates/imu-100hz.yaml", "configs/imu-csv.yaml", "tests/data/xio-fusion-imu/sensor_data.csv"),
        ];
        foreach (var r in replays)
        {
            string golden = Sha(File.ReadAllText(Path.Combine(CliRunner.RepoRoot, "tests", "golden", r.Golden)));
            string got = Sha(Replay(environment, "replay", "--log", r.Log, "--rates", r.Rates, "--config", r.Config, "--json"));
            Assert.True(golden == got, $"{r.Golden} under {environment}: actions_sha256 {got}, golden {golden}");
        }
    }

    private static string Replay(string environment, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = CliRunner.RepoRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "multirate.dll"));
        foreach (string arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (string pair in environment.Split(' '))
        {
            string[] kv = pair.Split('=', 2);
            start.Environment[kv[0]] = kv[1];
        }

        using Process process = Process.Start(start)!;
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        string stdout = process.StandardOutput.ReadToEnd();
        if (!process.WaitForExit(TimeSpan.FromMinutes(3)))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"replay under {environment} did not finish in 3 minutes");
        }

        Assert.True(process.ExitCode == 0, $"replay under {environment} exited {process.ExitCode}: {stderr.Result}");
        return stdout;
    }

    private static string Sha(string json) =>
        JsonNode.Parse(json)!["actions_sha256"]!.GetValue<string>();

    private static string CpuFlags()
    {
        const string cpuinfo = "/proc/cpuinfo";
        string? line = File.Exists(cpuinfo) ? File.ReadLines(cpuinfo).FirstOrDefault(l => l.StartsWith("flags", StringComparison.Ordinal)) : null;
        return line is null ? " " : " " + line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim() + " ";
    }
}
