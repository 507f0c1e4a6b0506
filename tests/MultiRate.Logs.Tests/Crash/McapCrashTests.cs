using System.Text.Json.Nodes;
using MultiRate.Logs.Abstractions;
using MultiRate.Logs.Mcap;
using MultiRate.Logs.Tests.Mcap;
using Xunit;

namespace MultiRate.Logs.Tests.Crash;

/// <summary>
/// A recording cut at any byte (no summary, no footer, mid-chunk) still replays every message of
/// every chunk that was complete before the cut, and nothing else.
/// </summary>
public sealed class McapCrashTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("multirate-crash-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Theory]
    [InlineData(McapCompression.Zstd)]
    [InlineData(McapCompression.Lz4)]
    [InlineData(McapCompression.None)]
    public void ReadMessages_FileCutAnywhereWithAllowTruncated_ReturnsExactlyTheCompleteChunks(McapCompression compression)
    {
        byte[] full = McapSample.Build(McapSample.Options(compression, chunkSize: 400), McapSample.TwoTopics);
        McapChunkLayout layout = McapChunkLayout.Of(full);
        Assert.True(layout.Chunks.Count >= 5, $"want several chunks, got {layout.Chunks.Count}");

        foreach (int cut in layout.CutPoints())
        {
            string path = Save(full.AsSpan(0, cut));
            int expected = layout.MessagesInChunksEndingBy(cut);
            using ISensorLog log = SensorLogs.Open(path, allowTruncated: true);

            List<(long Time, long Seq)> read = [.. log.ReadMessages().Select(Key)];

            Assert.Equal(layout.FileOrder.Take(expected), read);
            LogCoverage coverage = Assert.IsType<LogCoverage>(log.Coverage);
            Assert.True(coverage.Damaged, $"cut at {cut}");
            Assert.True(coverage.Truncated, $"cut at {cut}: {coverage.Reason}");
            Assert.Equal(expected, coverage.MessagesRead);
            Assert.InRange(coverage.StoppedAtByte!.Value, 8, cut);
            Assert.Null(coverage.LogEndNs);
        }
    }

    [Theory]
    [InlineData(McapCompression.Zstd)]
    [InlineData(McapCompression.None)]
    public void ReadMessages_FileCutAnywhereWithoutAllowTruncated_ThrowsTruncationAfterTheCompleteChunks(McapCompression compression)
    {
        byte[] full = McapSample.Build(McapSample.Options(compression, chunkSize: 400), McapSample.TwoTopics);
        McapChunkLayout layout = McapChunkLayout.Of(full);

        foreach (int cut in layout.CutPoints().Where((_, i) => i % 3 == 0))
        {
            string path = Save(full.AsSpan(0, cut));
            using ISensorLog log = SensorLogs.Open(path);
            var read = new List<(long, long)>();

            var error = Assert.Throws<LogFormatException>(() => read.AddRange(log.ReadMessages().Select(Key)));

            Assert.True(error.IsTruncation, $"cut at {cut}: {error.Message}");
            Assert.Contains(path, error.Message, StringComparison.Ordinal);
            Assert.Equal(layout.FileOrder.Take(layout.MessagesInChunksEndingBy(cut)), read);
            Assert.Null(log.Coverage);
        }
    }

    [Fact]
    public void Open_FileCutInsideTheMagic_ThrowsTruncationEvenWithAllowTruncated()
    {
        byte[] full = McapSample.Build(McapSample.Options(McapCompression.Zstd), McapSample.TwoTopics);
        string path = Save(full.AsSpan(0, 6));

        var error = Assert.Throws<LogFormatException>(() => SensorLogs.Open(path, allowTruncated: true));

        Assert.True(error.IsTruncation);
    }

    [Fact]
    public void WriteMessage_WriterStillOpen_CompletedChunksAreAlreadyInTheFile()
    {
        // A 4 MiB FileStream buffer holds the whole file: only the writer's flush per chunk can put chunks on disk.
        string path = Path.Combine(_dir, "live.mcap");
        var written = new List<(long Time, long Seq)>();
        using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read, bufferSize: 4 << 20);
        var writer = new McapWriter(stream, new McapWriterOptions { ChunkSize = 400, Compression = McapCompression.Zstd, FlushToDisk = true }, leaveOpen: true);
        ushort channel = writer.AddChannel(0, "/imu", "json");
        for (uint seq = 0; seq < 200; seq++)
        {
            writer.WriteMessage(channel, seq, seq * 10, seq * 10, McapSample.Json(seq, seq * 10));
            written.Add((seq * 10, seq));
        }

        // The process "dies" here: no Finish, no Dispose of the writer.
        using ISensorLog log = SensorLogs.Open(path, allowTruncated: true);
        List<(long Time, long Seq)> read = [.. log.ReadMessages().Select(Key)];

        Assert.NotEmpty(read);
        Assert.Equal(written.Take(read.Count), read);
        int perChunk = 400 / McapSample.Json(199, 1990).Length + 1;
        Assert.InRange(written.Count - read.Count, 1, perChunk);
        Assert.True(log.Coverage!.Truncated);
    }

    private static (long Time, long Seq) Key(LogMessage m) => (m.LogTimeNs, (long)m.Data["seq"]!.GetValue<double>());

    private string Save(ReadOnlySpan<byte> bytes)
    {
        string path = Path.Combine(_dir, $"cut-{bytes.Length}.mcap");
        File.WriteAllBytes(path, bytes.ToArray());
        return path;
    }
}
