using System.Text.Json.Nodes;
using MultiRate.Logs.Conversion;
using MultiRate.Logs.Mcap;

namespace MultiRate.Cli.Tests.Commands;

/// <summary><c>multirate run --allow-truncated</c> on a cut ULog and a cut chunked MCAP: exit 0 with the replay report; exit 2 without the flag.</summary>
[Collection("cli")]
public sealed class RunAllowTruncatedTests
{
    private static readonly Lazy<(string ULog, string Mcap)> CutLogs = new(MakeCutLogs);

    [Fact]
    public void Run_CutLogsWithoutFlag_ExitCode2()
    {
        foreach (string log in (string[])[CutLogs.Value.ULog, CutLogs.Value.Mcap])
        {
            (int code, _, string err) = Run(log, allowTruncated: false);

            Assert.Equal(2, code);
            Assert.Contains(log, err, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Run_CutLogsWithFlag_ExitCode0()
    {
        foreach (string log in (string[])[CutLogs.Value.ULog, CutLogs.Value.Mcap])
        {
            (int code, _, string err) = Run(log, allowTruncated: true);

            Assert.True(code == 0, err);
        }
    }

    /// <summary>Needs RunCommand to pass <c>session.Coverage</c> to RunSummaryJson.ToJsonObject.</summary>
    [Fact]
    public void Run_CutLogsWithFlag_JsonReportsWhereReplayStopped()
    {
        foreach (string log in (string[])[CutLogs.Value.ULog, CutLogs.Value.Mcap])
        {
            (int code, string stdout, string err) = Run(log, allowTruncated: true);

            Assert.True(code == 0, err);
            JsonObject replay = JsonNode.Parse(stdout.Trim().Split('\n')[^1])!["replay"]!.AsObject();
            Assert.True((bool)replay["truncated"]!);
            Assert.Equal("truncated", (string?)replay["damage"]);
            Assert.True((long)replay["stopped_at_byte"]! > 0);
            Assert.True((long)replay["replayed_up_to_ns"]! > 0);
        }
    }

    private static (int Code, string Out, string Err) Run(string log, bool allowTruncated)
    {
        List<string> args = ["run", "--rates", "rates/px4-attitude-250hz.yaml", "--config", "configs/px4-attitude.yaml", "--log", log, "--seconds", "1", "--json", "--no-dashboard", "--no-watch"];
        if (allowTruncated)
        {
            args.Add("--allow-truncated");
        }

        return CliRunner.Run([.. args]);
    }

    private static (string ULog, string Mcap) MakeCutLogs()
    {
        string sample = Path.Combine(CliRunner.RepoRoot, "tests", "data", "px4-ulog-pyulog", "sample.ulg");
        byte[] ulog = File.ReadAllBytes(sample);
        string dir = Directory.CreateTempSubdirectory("multirate-cli-cut-").FullName;
        string ulogPath = Path.Combine(dir, "cut.ulg");
        File.WriteAllBytes(ulogPath, ulog[..((ulog.Length * 6 / 10) + 7)]);

        using var mcap = new MemoryStream();
        ULogToMcap.Convert(sample, mcap, new McapWriterOptions { Compression = McapCompression.Zstd, ChunkSize = 256 * 1024 });
        byte[] bytes = mcap.ToArray();
        string mcapPath = Path.Combine(dir, "cut.mcap");
        File.WriteAllBytes(mcapPath, bytes[..((bytes.Length * 6 / 10) + 11)]);
        return (ulogPath, mcapPath);
    }
}
