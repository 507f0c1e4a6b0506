using MultiRate.Core.Latent;
using MultiRate.Recording;
using MultiRate.Logs;
using MultiRate.Logs.Abstractions;
using MultiRate.Logs.Mcap;

namespace MultiRate.Recording.Tests;

public class TruncatedRecordingTests
{
    /// <summary>
    /// Records 3,000 ticks in 8 KiB chunks and returns the file as a crash would leave it (the
    /// recorder not disposed: no open chunk, no summary, no footer) plus the finished file.
    /// </summary>
    private static (string CrashImage, string Finished) RecordAndCrash()
    {
        string path = RecordingTestPaths.TempFile("run.mcap");
        string crash = RecordingTestPaths.TempFile("crash.mcap");
        float[] action = new float[3];
        LatentSnapshot latent = RecorderTestProfile.Latent();
        using (McapRunRecorder recorder = RecorderTestProfile.Create(path, new RecorderOptions { BlockWhenFull = true, ChunkSize = 8 * 1024, LogTimeOffsetNs = 0 }))
        {
            for (long i = 0; i < 3_000; i++)
            {
                RecorderTestProfile.Tick(recorder, i, action, latent);
            }

            recorder.WaitUntilDrained();
            Assert.Equal(path + ".partial", recorder.WritePath);
            using var source = new FileStream(recorder.WritePath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            using var target = File.Create(crash);
            source.CopyTo(target);
        }

        return (crash, path);
    }

    /// <summary>Messages in the finished file's chunks that end at or before <paramref name="length"/>: what a reader can recover from that prefix.</summary>
    private static long MessagesInCompleteChunks(string finished, long length)
    {
        using FileStream file = File.OpenRead(finished);
        McapIndexedReader reader = McapIndexedReader.Open(file, finished);
        return reader.ChunkIndexes
            .Where(c => (long)(c.ChunkStartOffset + c.ChunkLength) <= length)
            .Sum(c => reader.ReadMessageIndexes(c).Sum(i => (long)i.Entries.Count));
    }

    [Fact]
    public void Read_CrashImageWithAllowTruncated_EveryCompleteChunkUpToTheOpenOne()
    {
        (string crash, string finished) = RecordAndCrash();
        long expected = MessagesInCompleteChunks(finished, new FileInfo(crash).Length);

        using var log = (McapSensorLog)SensorLogs.Open(crash, allowTruncated: true);
        List<LogMessage> messages = log.ReadMessages().ToList();

        Assert.True(log.IsTruncated);
        Assert.InRange(expected, 1, 8_000);
        Assert.Equal(expected, messages.Count);
        List<long> ticks = messages.Where(m => m.Topic == RecordingTopics.Actions).Select(m => (long)m.Data["tick"]!).ToList();
        Assert.Equal(Enumerable.Range(0, ticks.Count).Select(i => (long)i), ticks);
    }

    [Fact]
    public void Read_CutInsideAChunk_RecoversTheChunksBeforeTheCut()
    {
        (_, string finished) = RecordAndCrash();
        using (FileStream f = File.OpenRead(finished))
        {
            McapIndexedReader reader = McapIndexedReader.Open(f, finished);
            Assert.True(reader.ChunkIndexes.Count >= 4);
        }

        string cut = RecordingTestPaths.TempFile("cut.mcap");
        long length = new FileInfo(finished).Length / 2;
        File.WriteAllBytes(cut, File.ReadAllBytes(finished).AsSpan(0, (int)length).ToArray());

        using ISensorLog log = SensorLogs.Open(cut, allowTruncated: true);
        Assert.Equal(MessagesInCompleteChunks(finished, length), log.ReadMessages().Count());
    }

    [Fact]
    public void Read_CrashImageWithoutAllowTruncated_ThrowsTruncation()
    {
        (string crash, _) = RecordAndCrash();
        using ISensorLog log = SensorLogs.Open(crash);
        var ex = Assert.Throws<LogFormatException>(() => log.ReadMessages().Count());
        Assert.True(ex.IsTruncation);
        Assert.Contains(crash, ex.Message);
    }
}
