using CsCheck;
using MultiRate.Logs.Replay;
using Xunit;

namespace MultiRate.Logs.Tests.Replay;

public sealed class ReplaySensorSourceTests
{
    [Fact]
    public void FromLog_SampleLog_ReportsFieldsCountsAndSpan()
    {
        using ReplaySensorSource source = ReplaySensorSource.FromLog(LogSeriesTests.SampleLog(), ["/imu.angular_velocity.x", "/joint_states.ok"]);

        Assert.Equal(["/imu.angular_velocity.x", "/joint_states.ok"], source.Fields);
        Assert.Equal([3, 2], source.SampleCounts);
        Assert.Equal(100, source.StartNs);
        Assert.Equal(350, source.EndNs);
    }

    [Fact]
    public void Read_AcrossSamples_HoldsLatestAtOrBeforeTime()
    {
        using ReplaySensorSource source = ReplaySensorSource.FromLog(LogSeriesTests.SampleLog(), ["/imu.angular_velocity.x", "/joint_states.ok"]);
        var obs = new float[2];

        Assert.False(source.Read(99, obs));
        Assert.Equal([0f, 0f], obs);
        Assert.True(source.Read(100, obs));
        Assert.Equal([0.5f, 0f], obs);
        Assert.True(source.Read(199, obs));
        Assert.Equal([0.5f, 1f], obs);
        Assert.True(source.Read(200, obs));
        Assert.Equal([0.75f, 1f], obs);
        Assert.True(source.Read(350, obs));
        Assert.Equal([-1f, 0f], obs);
        Assert.True(source.Read(10_000, obs));
        Assert.Equal([-1f, 0f], obs);
    }

    [Fact]
    public void Read_BackInTime_SeeksToTheRightSample()
    {
        using var source = new ReplaySensorSource(LogSeries.FromArrays([("/a.v", new long[] { 10, 20, 20, 30 }, new float[] { 1, 2, 3, 4 })]));
        var obs = new float[1];

        source.Read(35, obs);
        source.Read(20, obs);
        Assert.Equal(3f, obs[0]);
        source.Read(15, obs);
        Assert.Equal(1f, obs[0]);
        Assert.False(source.Read(5, obs));
        Assert.Equal(0f, obs[0]);
        source.Read(30, obs);
        Assert.Equal(4f, obs[0]);
    }

    [Fact]
    public void Read_ManyTicks_AllocatesNothing()
    {
        long[] times = [.. Enumerable.Range(0, 1000).Select(i => i * 1_000_000L)];
        float[] values = [.. Enumerable.Range(0, 1000).Select(i => (float)i)];
        using var source = new ReplaySensorSource(LogSeries.FromArrays([("/a.v", times, values), ("/b.w", times, values)]));
        Span<float> obs = stackalloc float[2];
        source.Read(0, obs);

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (long t = 0; t < 1_000_000_000L; t += 250_000)
        {
            source.Read(t, obs);
        }

        source.Read(5, obs);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
        Assert.Equal(0f, obs[0]);
    }

    [Fact]
    public void Read_ObservationTooShort_Throws()
    {
        using var source = new ReplaySensorSource(LogSeries.FromArrays([("/a.v", new long[] { 1 }, new float[] { 1 }), ("/a.w", new long[] { 1 }, new float[] { 1 })]));

        Assert.Throws<ArgumentException>(() => source.Read(1, new float[1]));
    }

    [Fact]
    public void Constructor_FieldWithoutSamples_ReadsZeroAndSpanComesFromOthers()
    {
        using var source = new ReplaySensorSource(LogSeries.FromArrays([("/a.v", [], []), ("/b.w", new long[] { 5, 9 }, new float[] { 1, 2 })]));
        var obs = new float[2];

        Assert.True(source.Read(9, obs));
        Assert.Equal([0f, 2f], obs);
        Assert.Equal([0, 2], source.SampleCounts);
        Assert.Equal(5, source.StartNs);
        Assert.Equal(9, source.EndNs);
    }

    [Fact]
    public void Fields_sharing_sample_times_read_exactly_like_fields_read_one_by_one()
    {
        // Groups of fields with equal time arrays (shared or equal copies) mixed with fields of their own,
        // read forward and back in time: every read must equal the per-field sample-and-hold reference.
        Gen<long[]> times = Gen.Long[0, 50].Array[0, 12].Select(d => { long t = 0; return d.Select(x => t += x).ToArray(); });
        Gen<(long[] Times, int Share)[]> layouts = Gen.Select(times, Gen.Int[0, 3]).Array[1, 6];
        Gen<long[]> reads = Gen.Long[-10, 700].Array[1, 40];
        Gen.Select(layouts, reads).Sample(
            sample =>
            {
                ((long[] Times, int Share)[] layout, long[] readTimes) = sample;
                var fields = new List<(string, long[], float[])>();
                int n = 0;
                foreach ((long[] t, int share) in layout)
                {
                    for (int j = 0; j <= share; j++)
                    {
                        long[] ts = j % 2 == 0 ? t : [.. t]; // the same array, or an equal copy
                        fields.Add(($"/f{n}.v", ts, [.. ts.Select((_, i) => (float)((n * 1000) + i + 1))]));
                        n++;
                    }
                }

                using var source = new ReplaySensorSource(LogSeries.FromArrays(fields));
                float[] obs = new float[fields.Count];
                foreach (long at in readTimes)
                {
                    bool any = source.Read(at, obs);
                    bool expectedAny = false;
                    for (int f = 0; f < fields.Count; f++)
                    {
                        (_, long[] ts, float[] vs) = fields[f];
                        int c = ts.Count(x => x <= at);
                        expectedAny |= c > 0;
                        Assert.Equal(c > 0 ? vs[c - 1] : 0f, obs[f]);
                    }

                    Assert.Equal(expectedAny, any);
                }
            },
            seed: "0N0XIzNsQ0O2",
            iter: 300);
    }
}
