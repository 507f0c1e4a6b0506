using MultiRate.Core.Errors;
using MultiRate.Core.Latent;
using MultiRate.Core.Sensors;
using MultiRate.Recording;
using MultiRate.Logs;
using MultiRate.Logs.Abstractions;
using MultiRate.Scheduling.Observation;

namespace MultiRate.Recording.Tests;

public class McapRunRecorderTests
{
    [Fact]
    public void Callbacks_SteadyState_AllocateNothing()
    {
        string path = RecordingTestPaths.TempFile("alloc.mcap");
        using McapRunRecorder recorder = RecorderTestProfile.Create(path, RecorderOptions.ForRealTime());
        float[] action = new float[3];
        LatentSnapshot latent = RecorderTestProfile.Latent();
        for (long i = 0; i < 2_000; i++)
        {
            RecorderTestProfile.Tick(recorder, i, action, latent);
        }

        (long allocated, _) = SteadyStateAllocation.Measure(i => RecorderTestProfile.Tick(recorder, i, action, latent), 20_000, firstCall: 2_000);
        Assert.Equal(0, allocated);
    }

    [Fact]
    public void Record_BlockWhenFull_TinyRingLosesNothing()
    {
        string path = RecordingTestPaths.TempFile("block.mcap");
        float[] action = new float[3];
        LatentSnapshot latent = RecorderTestProfile.Latent();
        var recorder = RecorderTestProfile.Create(path, new RecorderOptions { BlockWhenFull = true, Capacity = 2, LogTimeOffsetNs = 0 });
        using (recorder)
        {
            for (long i = 0; i < 5_000; i++)
            {
                RecorderTestProfile.Tick(recorder, i, action, latent);
            }
        }

        Assert.Equal(0, recorder.Dropped);
        Assert.Equal(2, recorder.Capacity);
        using ISensorLog log = SensorLogs.Open(path);
        Assert.Equal(5_000, log.ReadMessages([RecordingTopics.Actions]).Count());
        Assert.Equal(5_000, log.ReadMessages([RecordingTopics.Ticks("head")]).Count());
        Assert.Equal(50, log.ReadMessages([RecordingTopics.Latents("context")]).Count());
    }

    [Fact]
    public void Dispose_DiskFillsMidRun_RunIsNotStoppedAndDisposeReportsTheError()
    {
        var full = new FillingStream(capacity: 16 * 1024);
        var recorder = new McapRunRecorder(new FaultLatchingStream(full), "full.mcap", RecorderTestProfile.Default, new RecorderOptions { BlockWhenFull = true, ChunkSize = 4096, LogTimeOffsetNs = 0 });
        float[] action = new float[3];
        LatentSnapshot latent = RecorderTestProfile.Latent();

        // Every tick is accepted although the disk filled early: the recording never throws into the run.
        for (long i = 0; i < 2_000; i++)
        {
            RecorderTestProfile.Tick(recorder, i, action, latent);
        }

        var error = Assert.Throws<IOException>(recorder.Dispose);
        Assert.Contains("full.mcap", error.Message, StringComparison.Ordinal);
        Assert.Contains("No space", error.InnerException!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Record_RealTimeRingFullWhileWriterStalls_ExtraEventsDroppedAndCounted()
    {
        // Chunks of 1 byte: the writer writes to the stream at its first message and stalls there,
        // holding its slot, so the ring takes exactly Capacity events and every later one is dropped.
        using var gate = new GatedStream();
        var recorder = new McapRunRecorder(gate, "gated.mcap", RecorderTestProfile.Default, new RecorderOptions { Capacity = 64, ChunkSize = 1, LogTimeOffsetNs = 0 });
        gate.Shut();
        float[] action = new float[3];
        for (long i = 0; i < 100; i++)
        {
            recorder.OnAction(i * 1_000_000, i, ActionKind.Hold, action);
        }

        Assert.Equal(36, recorder.Dropped);
        gate.Open();
        recorder.Dispose();
        Assert.Equal(64, recorder.Messages);
    }

    [Fact]
    public void Record_NoOffset_LogTimeIsWallClockOfTickZero()
    {
        string path = RecordingTestPaths.TempFile("wall.mcap");
        long before = (DateTime.UtcNow - DateTime.UnixEpoch).Ticks * 100;
        using (McapRunRecorder recorder = RecorderTestProfile.Create(path, RecorderOptions.ForRealTime()))
        {
            recorder.OnAction(0, 0, ActionKind.Safe, new float[3]);
            recorder.OnFastTick(new FastTickRecord(5, 5_000_000, 1, 1, 500_000, FastTickOutcome.Miss, 0, -1));
        }

        long after = (DateTime.UtcNow - DateTime.UnixEpoch).Ticks * 100;
        using ISensorLog log = SensorLogs.Open(path);
        LogMessage first = log.ReadMessages([RecordingTopics.Actions]).Single();
        LogMessage tick = log.ReadMessages([RecordingTopics.Ticks("head")]).Single();
        Assert.InRange(first.LogTimeNs, before, after);
        Assert.Equal(first.LogTimeNs + 5_000_000, tick.LogTimeNs);
        Assert.True((bool)tick.Data["missed"]!);
        Assert.Equal(-1.0, (double)tick.Data["latent_age_ms"]!);
    }

    [Fact]
    public void SetLogTimeOffset_BeforeFirstEvent_AppliesAndAfterwardsThrows()
    {
        string path = RecordingTestPaths.TempFile("offset.mcap");
        using (McapRunRecorder recorder = RecorderTestProfile.Create(path, new RecorderOptions { BlockWhenFull = true }))
        {
            recorder.SetLogTimeOffset(7_000_000_000);
            recorder.OnAction(2_000_000, 2, ActionKind.Model, new float[3]);
            Assert.Throws<InvalidOperationException>(() => recorder.SetLogTimeOffset(0));
        }

        using ISensorLog log = SensorLogs.Open(path);
        Assert.Equal(7_002_000_000, log.ReadMessages([RecordingTopics.Actions]).Single().LogTimeNs);
    }

    [Fact]
    public void Record_UnknownClock_CountedAsDropped()
    {
        string path = RecordingTestPaths.TempFile("unknown.mcap");
        using McapRunRecorder recorder = RecorderTestProfile.Create(path);
        recorder.OnSlowTick(new SlowTickRecord("nope", 0, 0, 0, 0, 1, SlowTickOutcome.Skipped, 0));
        recorder.OnLatentPublished("nope", RecorderTestProfile.Latent(), 0);
        Assert.Equal(2, recorder.Dropped);
    }

    [Fact]
    public void Create_UnwritablePath_UserInputExceptionNamesThePath()
    {
        string path = Path.Combine(RecordingTestPaths.TempFile("x"), "missing-dir", "out.mcap");
        var ex = Assert.Throws<UserInputException>(() => RecorderTestProfile.Create(path));
        Assert.Contains(path, ex.Message);
        Assert.Contains("--record", ex.Message);
    }

    [Theory]
    [InlineData(typeof(ActionKind))]
    [InlineData(typeof(FastTickOutcome))]
    [InlineData(typeof(SlowTickOutcome))]
    public void Serializer_EveryEnumValue_HasAName(Type enumType)
    {
        using var json = new RecordingSerializer();
        foreach (int code in Enum.GetValues(enumType).Cast<object>().Select(Convert.ToInt32))
        {
            var e = new RecorderEvent { Code = code };
            string text = System.Text.Encoding.UTF8.GetString(
                enumType == typeof(ActionKind) ? json.Action(in e, []) : enumType == typeof(FastTickOutcome) ? json.FastTick(in e) : json.SlowTick(in e));
            Assert.DoesNotContain("unknown", text, StringComparison.Ordinal);
        }
    }

    /// <summary>A stream whose writes wait while the gate is closed: a writer thread stuck on a slow disk.</summary>
    private sealed class GatedStream : MemoryStream
    {
        private readonly ManualResetEventSlim _open = new(true);

        public void Shut() => _open.Reset();

        public void Open() => _open.Set();

        public override void Write(ReadOnlySpan<byte> buffer) => Write(buffer.ToArray(), 0, buffer.Length);

        public override void Write(byte[] buffer, int offset, int count)
        {
            _open.Wait();
            base.Write(buffer, offset, count);
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _open.Dispose();
            }

            base.Dispose(disposing);
        }
    }

    /// <summary>A disk that holds <c>capacity</c> bytes and then fails every write as a full disk does.</summary>
    private sealed class FillingStream(int capacity) : MemoryStream
    {
        // Stream.Write(ReadOnlySpan) of a derived MemoryStream lands here too.
        public override void Write(byte[] buffer, int offset, int count)
        {
            if (Length + count > capacity)
            {
                throw new IOException("No space left on device");
            }

            base.Write(buffer, offset, count);
        }
    }
}
