using Xunit;
using System.Diagnostics;

namespace MultiRate.Inference.Tests.ActionHead;

// RSS is process-wide: run alone, after the parallel tests, so other tests' memory doesn't count.
[CollectionDefinition("soak", DisableParallelization = true)]
public sealed class SoakCollection
{
}

[Collection("soak")]
public class TorchActionHeadSoakTests
{
    [Fact]
    public void Act_MillionTicks_NativeAndManagedMemoryStayFlat()
    {
        using var head = TestModels.Head(TestModels.Config(hidden: [32]));
        float[] obs = TestModels.Observation(head.ObservationSize);
        float[] latent = new float[head.LatentSize];
        float[] action = new float[head.ActionSize];
        head.WarmUp(500);
        for (int i = 0; i < 50_000; i++)
        {
            head.Act(obs, latent, 0.01f, action);
        }

        GC.Collect();
        GC.WaitForPendingFinalizers();
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        long rssBefore = process.WorkingSet64;
        long managedBefore = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 1_000_000; i++)
        {
            obs[0] = i * 1e-6f;
            head.Act(obs, latent, 0.01f, action);
        }

        long managed = GC.GetAllocatedBytesForCurrentThread() - managedBefore;
        process.Refresh();
        long rssGrowth = process.WorkingSet64 - rssBefore;

        Assert.Equal(0, managed);
        // A native leak of even 8 bytes per tick would grow the process by 8 MB over 10^6 ticks.
        Assert.True(rssGrowth < 8L * 1024 * 1024, $"RSS grew {rssGrowth / 1024} KiB over 10^6 ticks");
    }
}
