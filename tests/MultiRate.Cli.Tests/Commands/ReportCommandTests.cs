using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using MultiRate.Configuration.Rates;
using MultiRate.Runtime.Composition;
using MultiRate.Recording;
using MultiRate.Runtime.Running;
using MultiRate.Scheduling.Executor;
using MultiRate.Scheduling.Observation;
using MultiRate.Scheduling.Stats;

namespace MultiRate.Cli.Tests.Commands;

[Collection("cli")]
public class ReportCommandTests(ReportCommandTests.Recording recording) : IClassFixture<ReportCommandTests.Recording>
{
    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    [Fact]
    public void Report_SmallRecording_WritesValidPngsPerClockAndSummary()
    {
        string dir = Path.Combine(Path.GetDirectoryName(recording.Path)!, "report");
        var (code, output, err) = CliRunner.Run("report", recording.Path, "--out", dir);

        Assert.True(code == 0, err);
        string[] expected =
        [
            "head-latency-histogram.png", "head-latency.png", "head-misses.png", "head-latent-age.png",
            "context-latency-histogram.png", "context-latency.png", "context-misses.png",
            "planner-latency-histogram.png", "planner-latency.png", "planner-misses.png",
        ];
        foreach (string name in expected)
        {
            string png = Path.Combine(dir, name);
            Assert.Contains(png, output);
            byte[] bytes = File.ReadAllBytes(png);
            Assert.Equal(PngSignature, bytes[..8]);
            Assert.True(bytes.Length > 10_000, $"{name}: {bytes.Length} bytes");
        }

        string md = File.ReadAllText(Path.Combine(dir, "summary.md"));
        foreach (ClockSummary c in recording.Summary.Clocks)
        {
            Assert.Contains($"| {c.Name} | {(c.Name == "head" ? "action" : "context")} | {c.Ticks} | 0 | {c.Misses} |", md);
        }

        foreach (KeyValuePair<string, long> kind in recording.Summary.ActionsByKind.Where(k => k.Value > 0))
        {
            Assert.Contains($"| {kind.Key} | {kind.Value} |", md);
        }

        foreach (KeyValuePair<string, long> latents in recording.Summary.LatentsPublished)
        {
            Assert.Contains($"| {latents.Key} | {latents.Value} | {latents.Value} |", md);
        }

        Assert.Contains("](head-latency-histogram.png)", md);
        Assert.Contains($"{recording.Summary.Actions} actions", md);
    }

    [Fact]
    public void Inspect_Recording_ListsEveryChannelWithItsCount()
    {
        var (code, output, err) = CliRunner.Run("inspect", recording.Path, "--json");

        Assert.True(code == 0, err);
        JsonArray topics = JsonNode.Parse(output)!["topics"]!.AsArray();
        long Count(string topic) => (long)topics.Single(t => (string)t!["name"]! == topic)!["count"]!;
        Assert.Equal(recording.Summary.Actions, Count(RecordingTopics.Actions));
        Assert.Equal(recording.Summary.Clocks.Single(c => c.Name == "head").Ticks, Count(RecordingTopics.Ticks("head")));
        Assert.Equal(recording.Summary.LatentsPublished["context"], Count(RecordingTopics.Latents("context")));
        Assert.All(topics, t => Assert.Equal("json", (string)t!["encoding"]!));
    }

    [Fact]
    public void Cat_RecordingTicks_DecodesTheFlatTimingFields()
    {
        var (code, output, err) = CliRunner.Run("cat", recording.Path, "--topic", RecordingTopics.Ticks("head"), "--limit", "3");

        Assert.True(code == 0, err);
        string[] lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        JsonObject data = JsonNode.Parse(lines[2])!["data"]!.AsObject();
        Assert.Equal(2, (long)data["tick"]!);
        Assert.Equal(500.0, (double)data["budget_us"]!);
        Assert.False((bool)data["missed"]!);
    }

    [Fact]
    public void Report_NotAnMcapFile_Exit2NamesTheFile()
    {
        string path = CliRunner.TempFile("notes.mcap", "just text");
        var (code, _, err) = CliRunner.Run("report", path);

        Assert.Equal(2, code);
        Assert.Contains(path, err);
        Assert.Contains("not an MCAP file", err);
        Assert.Contains("--record", err);
    }

    [Fact]
    public void Report_McapWithoutMultiRateChannels_Exit2NamesWhatWasExpected()
    {
        const string path = "tests/data/mcap-conformance/TenMessages/TenMessages-ch-chx-mx-st-sum.mcap";
        var (code, _, err) = CliRunner.Run("report", path);

        Assert.Equal(2, code);
        Assert.Contains(path, err);
        Assert.Contains("not a MultiRate recording", err);
        Assert.Contains(RecordingTopics.Actions, err);
    }

    [Fact]
    public void Report_RecordingCutShort_ReportsTheCompleteChunksAndSaysSo()
    {
        // As a crash leaves it: the first half of the file, no summary, no footer.
        string cut = CliRunner.TempFile("cut.mcap", string.Empty);
        byte[] bytes = File.ReadAllBytes(recording.Path);
        File.WriteAllBytes(cut, bytes[..(bytes.Length / 2)]);
        string dir = Path.Combine(Path.GetDirectoryName(cut)!, "report");

        var (code, _, err) = CliRunner.Run("report", cut, "--out", dir);

        Assert.True(code == 0, err);
        string md = File.ReadAllText(Path.Combine(dir, "summary.md"));
        Assert.Contains("The file is truncated (no footer)", md);
        Assert.DoesNotContain($"{recording.Summary.Actions} actions", md);
        Assert.True(File.Exists(Path.Combine(dir, "head-latency.png")));
    }

    [Fact]
    public void Report_MissingFile_Exit2()
    {
        var (code, _, err) = CliRunner.Run("report", "no/such/recording.mcap");

        Assert.Equal(2, code);
        Assert.Contains("no/such/recording.mcap", err);
    }

    /// <summary>A 1.5 s virtual-time replay of the shipped demo, recorded through DI as the CLI does it (1.5 s: the planner's second update, triggered at 1.0 s with 400 ms latency, finishes inside the run, so every trigger has its timing message).</summary>
    public sealed class Recording
    {
        public Recording()
        {
            string dir = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "multirate-cli-tests", Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(dir);
            Path = System.IO.Path.Combine(dir, "run.mcap");
            string rates = System.IO.Path.Combine(CliRunner.RepoRoot, "rates/default.yaml");
            using (McapRunRecorder recorder = McapRunRecorder.Create(Path, RateProfileLoader.Load(rates), RecorderOptions.ForReplay(0)))
            {
                var services = new ServiceCollection()
                    .AddSingleton<IRunObserver>(recorder)
                    .AddMultiRate(o =>
                    {
                        o.ProfilePath = rates;
                        o.ConfigPath = System.IO.Path.Combine(CliRunner.RepoRoot, "configs/default.yaml");
                        o.Mode = ExecutionMode.Virtual;
                        o.Duration = TimeSpan.FromSeconds(1.5);
                    });
                using ServiceProvider provider = services.BuildServiceProvider();
                Summary = provider.GetRequiredService<RunSession>().Run();
                recorder.RecordSummary(Summary);
            }
        }

        public string Path { get; }

        public RunSummary Summary { get; }
    }
}
