using MultiRate.Core.Latent;
using MultiRate.Recording;
using MultiRate.Logs;
using MultiRate.Logs.Abstractions;

namespace MultiRate.Recording.Tests;

/// <summary>The recorder closes a chunk on time, so a crash loses at most <see cref="RecorderOptions.ChunkInterval"/>.</summary>
public class ChunkIntervalRecordingTests
{
    [Fact]
    public void Record_IntervalPassesWithSmallOpenChunk_ChunkClosedAndReadableFromCrashImage()
    {
        string path = RecordingTestPaths.TempFile("interval.mcap");
        var time = new ManualTime();
        float[] action = new float[3];
        LatentSnapshot latent = RecorderTestProfile.Latent();
        var options = new RecorderOptions { BlockWhenFull = true, LogTimeOffsetNs = 0, ChunkInterval = TimeSpan.FromMilliseconds(250), Time = time };
        using McapRunRecorder recorder = RecorderTestProfile.Create(path, options);
        for (long i = 0; i < 10; i++)
        {
            RecorderTestProfile.Tick(recorder, i, action, latent);
        }

        recorder.WaitUntilDrained();
        // The manual clock has not moved: 10 ticks are far below ChunkSize, so nothing is readable yet.
        Assert.Equal(0, recorder.TimedChunks);
        Assert.Equal(0, ActionsInCrashImage(recorder.WritePath));

        time.Advance(TimeSpan.FromMilliseconds(250));
        Assert.True(SpinWait.SpinUntil(() => recorder.TimedChunks == 1, TimeSpan.FromSeconds(30)), "the writer never closed the chunk");

        Assert.Equal(10, ActionsInCrashImage(recorder.WritePath));
    }

    [Fact]
    public void Options_NonPositiveChunkInterval_Rejected()
    {
        var options = new RecorderOptions { ChunkInterval = TimeSpan.Zero };

        var error = Assert.Throws<ArgumentException>(() => RecorderTestProfile.Create(RecordingTestPaths.TempFile("bad.mcap"), options));

        Assert.Contains("ChunkInterval", error.Message, StringComparison.Ordinal);
    }

    /// <summary>Copies the file as it is now (as a crash would leave it) and counts the actions a reader recovers.</summary>
    private static int ActionsInCrashImage(string path)
    {
        string crash = RecordingTestPaths.TempFile("crash.mcap");
        using (var source = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite))
        using (FileStream target = File.Create(crash))
        {
            source.CopyTo(target);
        }

        using ISensorLog log = SensorLogs.Open(crash, allowTruncated: true);
        return log.ReadMessages([RecordingTopics.Actions]).Count();
    }
}
