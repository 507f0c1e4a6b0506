using MultiRate.Logs.Abstractions;
using MultiRate.Logs.Mcap;
using MultiRate.Logs.Replay;
using MultiRate.Logs.Tests.Mcap;
using MultiRate.Logs.Tests.ULog;
using Xunit;

namespace MultiRate.Logs.Tests.Coverage;

public sealed class LogCoverageTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("multirate-coverage-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Coverage_WholeMcapRead_IsNotDamagedAndEndsAtTheLastMessage()
    {
        string path = Save("whole.mcap", McapSample.Build(McapSample.Options(McapCompression.Zstd), McapSample.TwoTopics));
        using ISensorLog log = SensorLogs.Open(path);

        int count = log.ReadMessages().Count();

        LogCoverage c = log.Coverage!;
        Assert.False(c.Damaged);
        Assert.Null(c.StoppedAtByte);
        Assert.Equal(count, c.MessagesRead);
        Assert.Equal(0, c.FirstMessageNs);
        Assert.Equal(990, c.LastMessageNs);
        Assert.Equal(c.LastMessageNs, c.LogEndNs);
    }

    [Fact]
    public void Coverage_ChunkCrcMismatchWithAllowTruncated_StopsAtTheChunkAndKnowsTheLogEnd()
    {
        byte[] file = McapSample.Build(McapSample.Options(McapCompression.None, chunkSize: 400), McapSample.TwoTopics);
        McapChunkIndex third = McapIndexedReader.Open(new MemoryStream(file)).ChunkIndexes.OrderBy(c => c.ChunkStartOffset).ElementAt(2);
        // Uncompressed chunk: opcode+length (9), times (16), sizes and CRC (12), empty compression (4), records length (8), then records.
        file[(int)third.ChunkStartOffset + 9 + 16 + 12 + 4 + 8 + 20] ^= 0x40;
        string path = Save("crc.mcap", file);

        using ISensorLog damaged = SensorLogs.Open(path, allowTruncated: true);
        List<LogMessage> read = [.. damaged.ReadMessages()];

        LogCoverage c = damaged.Coverage!;
        Assert.True(c.Damaged);
        Assert.False(c.Truncated);
        Assert.Equal((long)third.ChunkStartOffset, c.StoppedAtByte);
        Assert.Contains("uncompressed_crc", c.Reason, StringComparison.Ordinal);
        Assert.Equal(990, c.LogEndNs);
        Assert.Equal(read.Count, c.MessagesRead);
        Assert.True(c.LastMessageNs < 990);
        using ISensorLog strict = SensorLogs.Open(path);
        Assert.Throws<LogFormatException>(() => strict.ReadMessages().Count());
    }

    [Fact]
    public void Coverage_TruncatedULogWithAllowTruncated_SaysWhereItStopped()
    {
        byte[] all = File.ReadAllBytes(RepoPaths.TestData("px4-ulog-pyulog", "sample.ulg"));
        int cut = (all.Length / 2) + 3;
        string path = Save("cut.ulg", all[..cut]);

        using ISensorLog log = SensorLogs.Open(path, allowTruncated: true);
        long count = log.ReadMessages().LongCount();

        LogCoverage c = log.Coverage!;
        Assert.True(c.Damaged);
        Assert.True(c.Truncated);
        Assert.Equal(count, c.MessagesRead);
        Assert.InRange(c.StoppedAtByte!.Value, cut - 65_538, cut);
        Assert.Null(c.LogEndNs);
        Assert.True(c.ReplayedSeconds > 1);
    }

    [Fact]
    public void Coverage_CorruptULogRecordWithAllowTruncated_StopsThereInsteadOfThrowing()
    {
        byte[] all = File.ReadAllBytes(RepoPaths.TestData("px4-ulog-pyulog", "sample.ulg"));
        using ISensorLog whole = SensorLogs.Open(RepoPaths.TestData("px4-ulog-pyulog", "sample.ulg"));
        long total = whole.ReadMessages().LongCount();
        int at = FindDataRecord(all, all.Length / 2);
        all[at + 2] = 0x01; // the type byte: no longer a letter
        string path = Save("corrupt.ulg", all);

        using ISensorLog log = SensorLogs.Open(path, allowTruncated: true);
        long count = log.ReadMessages().LongCount();

        Assert.InRange(count, 1, total - 1);
        Assert.Equal(at, log.Coverage!.StoppedAtByte);
        Assert.False(log.Coverage.Truncated);
        using ISensorLog strict = SensorLogs.Open(path);
        Assert.Throws<LogFormatException>(() => strict.ReadMessages().Count());
    }

    [Fact]
    public void FromLog_DamagedLog_ReplaySourceCarriesTheCoverage()
    {
        byte[] file = McapSample.Build(McapSample.Options(McapCompression.Lz4, chunkSize: 400), McapSample.TwoTopics, finish: false);
        string path = Save("crashed.mcap", file);
        using ISensorLog log = SensorLogs.Open(path, allowTruncated: true);

        ReplaySensorSource source = ReplaySensorSource.FromLog(log, ["/imu.seq"]);

        Assert.NotNull(source.Coverage);
        Assert.True(source.Coverage.Truncated);
        Assert.Equal(source.SampleCounts[0], source.Coverage.MessagesRead);
        Assert.Equal(source.EndNs, source.Coverage.LastMessageNs);
    }

    /// <summary>Walks the ULog records from the definitions to the first data record at or after <paramref name="from"/>.</summary>
    private static int FindDataRecord(byte[] file, int from)
    {
        int pos = 16;
        while (pos + 3 <= file.Length)
        {
            int size = file[pos] | (file[pos + 1] << 8);
            if (pos >= from && file[pos + 2] == (byte)'D')
            {
                return pos;
            }

            pos += 3 + size;
        }

        throw new InvalidOperationException("no data record found");
    }

    private string Save(string name, byte[] bytes)
    {
        string path = Path.Combine(_dir, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }
}
