using System.Diagnostics;
using MultiRate.Core.Files;

namespace MultiRate.Cli.Tests.Commands;

/// <summary><c>tune --write</c>, <c>report --out</c> and <c>bench all --out</c> refuse an output that is one of their inputs.</summary>
[Collection("cli")]
public sealed class OutputPathSafetyTests : IDisposable
{
    private const string Bench = """
        {"profile":"default","config":"default","quantile":99.9,"margin":1.5,"clocks":[
          {"name":"planner","module":"planner","samples":200,"p50_us":1000,"p99_us":3000,"p999_us":4000,"max_us":4000},
          {"name":"context","module":"context","samples":200,"p50_us":900,"p99_us":1400,"p999_us":1500,"max_us":1600},
          {"name":"head","module":"head","samples":2000,"p50_us":12,"p99_us":30,"p999_us":41,"max_us":90}]}
        """;

    private readonly string _dir = Directory.CreateTempSubdirectory("multirate-outputs-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Tune_TunedPathIsALinkToTheSavedBench_Exit2AndTheBenchIsIntact()
    {
        string profile = Path.Combine(_dir, "default.yaml");
        File.Copy(Path.Combine(CliRunner.RepoRoot, "rates/default.yaml"), profile);
        string bench = Path.Combine(_dir, "bench.json");
        File.WriteAllText(bench, Bench);
        Link(bench, Path.Combine(_dir, "default.tuned.yaml"));

        var (code, _, err) = CliRunner.Run("tune", profile, "--from", bench, "--write");

        Assert.Equal(2, code);
        Assert.Contains("multirate tune --write", err, StringComparison.Ordinal);
        Assert.Contains("is the same file as the input", err, StringComparison.Ordinal);
        Assert.Equal(Bench, File.ReadAllText(bench));
    }

    [Fact]
    public void Report_SummaryIsAHardLinkToTheRecording_Exit2AndTheRecordingIsIntact()
    {
        string recording = Path.Combine(_dir, "run.mcap");
        var (recorded, _, recordErr) = CliRunner.Run("replay", "--seconds", "0.3", "--no-dashboard", "--record", recording);
        Assert.True(recorded == 0, recordErr);
        byte[] before = File.ReadAllBytes(recording);
        string outDir = Path.Combine(_dir, "report");
        Directory.CreateDirectory(outDir);
        Link(recording, Path.Combine(outDir, "summary.md"));

        var (code, _, err) = CliRunner.Run("report", recording, "--out", outDir);

        Assert.Equal(2, code);
        Assert.Contains("multirate report: --out", err, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllBytes(recording));
    }

    [Fact]
    public void BenchAll_OutIsALinkToTheReplayProfile_Exit2BeforeMeasuring()
    {
        string output = Path.Combine(_dir, "bench.json");
        File.CreateSymbolicLink(output, Path.Combine(CliRunner.RepoRoot, "rates", "px4-attitude-250hz.yaml"));

        var (code, stdout, err) = CliRunner.Run("bench", "all", "--quick", "--out", output);

        Assert.Equal(2, code);
        Assert.Contains("is the same file as the input", err, StringComparison.Ordinal);
        Assert.DoesNotContain("overhead...", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void BenchAll_AnotherWriterHoldsTheOut_Exit2BeforeMeasuring()
    {
        string output = Path.Combine(_dir, "bench.json");
        using OutputFile other = OutputFile.Create(output, [], "--out");

        var (code, _, err) = CliRunner.Run("bench", "all", "--quick", "--out", output);

        Assert.Equal(2, code);
        Assert.Contains("another process is writing it", err, StringComparison.Ordinal);
    }

    private static void Link(string target, string link)
    {
        using Process ln = Process.Start(new ProcessStartInfo("ln", [target, link]) { UseShellExecute = false })!;
        ln.WaitForExit();
        Assert.Equal(0, ln.ExitCode);
    }
}
