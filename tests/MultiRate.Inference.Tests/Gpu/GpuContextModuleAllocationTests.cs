using MultiRate.Core.Budgets;
using MultiRate.Core.Modules;
using MultiRate.Inference.Gpu.Context;
using Xunit;

namespace MultiRate.Inference.Tests.Gpu;

public sealed class GpuContextModuleAllocationTests
{
    /// <summary>
    /// ILGPU's CPU accelerator allocates one task object per kernel launch on the calling thread
    /// (its CUDA launcher passes the arguments on the stack). So an update must allocate exactly its
    /// launches' share plus the latent it returns: the staging, the page-locked copies, the waits
    /// between steps and the budget checks add nothing.
    /// </summary>
    [Theory]
    [InlineData(0)]
    [InlineData(5)]
    public void Update_SteadyState_AllocatesOnlyTheLatentBeyondTheAcceleratorsLaunches(int upstream)
    {
        const int Steps = 3;
        const int Updates = 20;
        const int Rounds = 5;
        using GpuContextModule gpu = GpuContexts.IlgpuCpu(GpuContexts.Config(), upstream);
        float[] history = TestModels.Observation(gpu.HistoryLength * gpu.ObservationSize);
        float[]? up = upstream > 0 ? TestModels.Observation(upstream) : null;
        gpu.WarmUp(3);
        Launches(gpu, Steps, Updates);
        long latentBytes = LatentArrayBytes(gpu.LatentSize);

        // Minimum over rounds: the CPU accelerator's wait allocates now and then when its worker
        // threads are descheduled (a loaded machine); an update that allocated anything more of its
        // own would raise every round.
        long launches = long.MaxValue;
        long updates = long.MaxValue;
        for (int round = 0; round < Rounds; round++)
        {
            launches = Math.Min(launches, Launches(gpu, Steps, Updates));
            ContextRequest[] requests = [.. Enumerable.Range(0, Updates).Select(_ => GpuContexts.Request(gpu, history, up, AnytimeBudget.FixedSteps(Steps)))];
            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int i = 0; i < Updates; i++)
            {
                gpu.Update(requests[i]);
            }

            updates = Math.Min(updates, GC.GetAllocatedBytesForCurrentThread() - before);
        }

        Assert.Equal(launches + (Updates * latentBytes), updates);
    }

    private static long Launches(GpuContextModule gpu, int steps, int updates)
    {
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int u = 0; u < updates; u++)
        {
            gpu.Begin();
            for (int s = 0; s < steps; s++)
            {
                gpu.Step();
                gpu.Device.Stream.Synchronize();
            }

            gpu.Finish();
            gpu.Device.Stream.Synchronize();
        }

        return GC.GetAllocatedBytesForCurrentThread() - before;
    }

    private static long LatentArrayBytes(int length)
    {
        long before = GC.GetAllocatedBytesForCurrentThread();
        float[] probe = new float[length];
        long bytes = GC.GetAllocatedBytesForCurrentThread() - before;
        GC.KeepAlive(probe);
        return bytes;
    }
}
