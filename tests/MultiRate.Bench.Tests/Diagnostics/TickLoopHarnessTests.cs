using MultiRate.Bench.Diagnostics;

namespace MultiRate.Bench.Tests.Diagnostics;

public class TickLoopHarnessTests
{
    [Fact]
    public void RunInterleaved_TwoVariants_AlternateBlocksWithOwnRunningIndex()
    {
        var order = new List<(int Variant, long Index)>();
        var options = new TickLoopOptions { WarmUpTicks = 2, Blocks = 3, TicksPerBlock = 4 };

        TickLoopResult r = TickLoopHarness.RunInterleaved([i => order.Add((0, i)), i => order.Add((1, i))], options);

        // Warm-up A x2, B x2, then A x4 | B x4 | A x4 | B x4 | A x4 | B x4.
        Assert.Equal(2 + 2 + (3 * 2 * 4), order.Count);
        int[] blockOwners = [.. order.Skip(4).Chunk(4).Select(c => c.Select(x => x.Variant).Distinct().Single())];
        Assert.Equal([0, 1, 0, 1, 0, 1], blockOwners);
        Assert.Equal(Enumerable.Range(0, 14).Select(i => (long)i), order.Where(x => x.Variant == 0).Select(x => x.Index));
        Assert.Equal(12, r.Histograms[0].Count);
        Assert.Equal(12, r.Histograms[1].Count);
        Assert.Equal(3, r.BlockMedianUs[1].Count);
    }

    [Fact]
    public void RunInterleaved_AllocatingVariant_AllocationsChargedToItOnly()
    {
        var options = new TickLoopOptions { WarmUpTicks = 10, Blocks = 2, TicksPerBlock = 100 };
        object? sink = null;

        TickLoopResult r = TickLoopHarness.RunInterleaved([_ => { }, _ => sink = new byte[64]], options);

        Assert.NotNull(sink);
        Assert.Equal(0, r.AllocatedBytes[0]);
        Assert.True(r.AllocatedBytes[1] >= 200 * 64, $"{r.AllocatedBytes[1]}");
    }
}
