using System.Diagnostics;
using System.Text.Json.Nodes;
using MultiRate.Core.Files;

namespace MultiRate.Cli.Tests.Commands;

/// <summary><c>--record</c> never destroys an input, refuses a second writer, and reports a full disk after printing the summary.</summary>
[Collection("cli")]
public sealed class RecordOutputSafetyTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("multirate-record-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Replay_RecordIsAHardLinkToTheLog_Exit2AndTheLogIsIntact()
    {
        string log = Copy("tests/data/px4-ulog-pyulog/sample.ulg", "flight.ulg");
        byte[] before = File.ReadAllBytes(log);
        string record = Path.Combine(_dir, "out.mcap");
        Link(log, record);

        (int code, _, string err) = Replay("--log", log, "--rates", "rates/px4-attitude-250hz.yaml", "--config", "configs/px4-attitude.yaml", "--record", record);

        Assert.Equal(2, code);
        Assert.Contains($"--record '{record}': is the same file as the input '{log}'", err, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllBytes(log));
    }

    [Fact]
    public void Replay_RecordIsASymbolicLinkToTheProfile_Exit2AndTheProfileIsIntact()
    {
        string profile = Copy("rates/default.yaml", "default.yaml");
        string text = File.ReadAllText(profile);
        string record = Path.Combine(_dir, "out.mcap");
        File.CreateSymbolicLink(record, profile);

        (int code, _, string err) = Replay("--rates", profile, "--seconds", "0.2", "--record", record);

        Assert.Equal(2, code);
        Assert.Contains("is the same file as the input", err, StringComparison.Ordinal);
        Assert.Equal(text, File.ReadAllText(profile));
    }

    [Fact]
    public void Replay_AnotherWriterHoldsThePath_Exit2AndItsFileIsUntouched()
    {
        string record = Path.Combine(_dir, "busy.mcap");
        using OutputFile other = OutputFile.Create(record, [], "--record");

        (int code, _, string err) = Replay("--seconds", "0.2", "--record", record);

        Assert.Equal(2, code);
        Assert.Contains("another process is writing it", err, StringComparison.Ordinal);
        Assert.False(File.Exists(record));
    }

    [Fact]
    public void Replay_RecordToDevFull_Exit2NamingThePathAfterPrintingTheSummary()
    {
        (int code, string stdout, string err) = Replay("--seconds", "2", "--record", "/dev/full", "--json");

        Assert.Equal(2, code);
        Assert.StartsWith("--record '/dev/full': writing failed", err, StringComparison.Ordinal);
        JsonObject summary = JsonNode.Parse(stdout)!.AsObject();
        Assert.True((long)summary["actions"]! > 0);
    }

    [Fact]
    public void Replay_Record_FileAppearsWhenCompleteWithNoPartialOrLockLeft()
    {
        string record = Path.Combine(_dir, "ok.mcap");

        (int code, _, string err) = Replay("--seconds", "0.2", "--record", record);

        Assert.True(code == 0, err);
        Assert.True(File.Exists(record));
        Assert.False(File.Exists(record + OutputFile.PartialSuffix));
        Assert.False(File.Exists(record + OutputFile.LockSuffix));
    }

    private static (int Code, string Out, string Err) Replay(params string[] args) => CliRunner.Run(["replay", "--no-dashboard", .. args]);

    private string Copy(string repoPath, string name)
    {
        string path = Path.Combine(_dir, name);
        File.Copy(Path.Combine(CliRunner.RepoRoot, repoPath), path);
        return path;
    }

    private static void Link(string target, string link)
    {
        using Process ln = Process.Start(new ProcessStartInfo("ln", [target, link]) { UseShellExecute = false })!;
        ln.WaitForExit();
        Assert.Equal(0, ln.ExitCode);
    }
}
