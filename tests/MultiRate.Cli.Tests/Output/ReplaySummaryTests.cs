using System.Text.Json.Nodes;
using MultiRate.Cli.Output;
using MultiRate.Logs.Abstractions;
using MultiRate.Recording.Summaries;

namespace MultiRate.Cli.Tests.Output;

public sealed class ReplaySummaryTests
{
    private static readonly LogCoverage Damaged = new()
    {
        Damaged = true,
        Truncated = false,
        StoppedAtByte = 123_456,
        Reason = "Chunk record (compression 'zstd'): expected uncompressed_crc 0x0000BEEF, computed 0x0000DEAD",
        MessagesRead = 4_000,
        FirstMessageNs = 1_000_000_000,
        LastMessageNs = 42_200_000_000,
        LogEndNs = 70_300_000_000,
    };

    [Fact]
    public void Replay_DamagedLog_JsonSaysWhereAndHowFar()
    {
        JsonObject json = RunSummaryJson.Replay(Damaged);

        Assert.True((bool)json["truncated"]!);
        Assert.Equal("corrupt", (string?)json["damage"]);
        Assert.Equal(42_200_000_000, (long)json["replayed_up_to_ns"]!);
        Assert.Equal(70_300_000_000, (long)json["log_end_ns"]!);
        Assert.Equal(123_456, (long)json["stopped_at_byte"]!);
        Assert.Contains("uncompressed_crc", (string?)json["reason"], StringComparison.Ordinal);
        Assert.Equal(4_000, (long)json["messages_read"]!);
    }

    [Fact]
    public void Replay_CutLogWithUnknownEnd_JsonHasNullLogEnd()
    {
        JsonObject json = RunSummaryJson.Replay(Damaged with { Truncated = true, LogEndNs = null });

        Assert.Equal("truncated", (string?)json["damage"]);
        Assert.True(json.ContainsKey("log_end_ns"));
        Assert.Null(json["log_end_ns"]);
    }

    [Fact]
    public void ReplayLine_DamagedLog_NamesByteReasonAndSeconds()
    {
        string line = SummaryTable.ReplayLine(Damaged);

        Assert.StartsWith("log damaged at byte 123456 (Chunk record", line, StringComparison.Ordinal);
        Assert.Contains("replayed 41.2 s of 69.3 s", line, StringComparison.Ordinal);
    }

    [Fact]
    public void ReplayLine_UnknownEnd_SaysSo()
    {
        string line = SummaryTable.ReplayLine(Damaged with { LogEndNs = null });

        Assert.Contains("replayed 41.2 s (log end unknown)", line, StringComparison.Ordinal);
    }

    [Fact]
    public void ReplayLine_WholeLog_SaysItReachedTheEnd()
    {
        string line = SummaryTable.ReplayLine(new LogCoverage { MessagesRead = 10, FirstMessageNs = 0, LastMessageNs = 2_000_000_000, LogEndNs = 2_000_000_000 });

        Assert.Equal("log intact: 2.0 s, 10 messages read", line);
    }
}
