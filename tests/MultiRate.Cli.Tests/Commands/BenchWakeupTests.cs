using System.Text.Json.Nodes;

namespace MultiRate.Cli.Tests.Commands;

[Collection("cli")]
public class BenchWakeupTests
{
    [Fact]
    public void BenchWakeup_ShortRunJson_BothClocksMeasuredWithMissCounts()
    {
        var (code, output, err) = CliRunner.Run("bench", "wakeup", "--seconds", "1.5", "--json");
        Assert.True(code == 0, err);
        JsonObject r = JsonNode.Parse(output)!.AsObject();

        foreach (string clock in new[] { "runtime", "rx_interval" })
        {
            JsonNode c = r[clock]!;
            long ticks = (long)c["ticks"]!;
            long misses = (long)c["deadline_misses"]!;
            // Every counted tick either ran (one wake-up sample) or was a skipped period.
            Assert.Equal(ticks, (long)c["wakeup"]!["samples"]! + (long)c["skipped_periods"]!);
            Assert.Equal(ticks == 0 ? 0 : (double)misses / ticks, (double)c["miss_rate"]!, 6);
        }

        Assert.True((long)r["runtime"]!["ticks"]! > 0);

        // The fast thread's own page faults and preemptions, counted on Linux (null where the OS has no per-thread counts).
        JsonNode rt = r["runtime"]!;
        if (OperatingSystem.IsLinux())
        {
            Assert.True((long)rt["fast_thread_page_faults"]! >= 0);
            Assert.True((long)rt["fast_thread_involuntary_switches"]! >= 0);
        }

        Assert.All(rt["miss_events"]!.AsArray(), e =>
        {
            Assert.True((int)e!["page_faults"]! >= 0);
            Assert.True((int)e["involuntary_switches"]! >= 0);
        });
        Assert.NotNull(r["p99_ratio"]);
        Assert.NotNull(r["pass"]!["p99"]);
    }

    [Fact]
    public void BenchWakeup_SecondsOutOfRange_ExitCode2()
    {
        var (code, _, err) = CliRunner.Run("bench", "wakeup", "--seconds", "0");
        Assert.Equal(2, code);
        Assert.Contains("--seconds", err);
    }
}
