using MultiRate.Inference.Gpu;
using Xunit;

namespace MultiRate.Inference.Tests.Gpu;

public sealed class GpuActionHeadAllocationTests
{
    /// <summary>
    /// ILGPU's CPU accelerator allocates one task object per kernel launch on the calling thread
    /// (its CUDA launcher passes the arguments on the stack instead). So on this accelerator a tick
    /// must allocate exactly what its launches alone allocate: the input assembly, the page-locked
    /// copies, the wait and the action scaling add nothing.
    /// </summary>
    [Theory]
    [InlineData(0, 1)]
    [InlineData(4, 2)]
    public void Act_SteadyState_AllocatesNothingBeyondTheAcceleratorsLaunches(int experts, int topK)
    {
        using GpuActionHead head = GpuHeads.IlgpuCpu(GpuHeads.Config(experts: experts, topK: topK, hidden: [64, 32]));
        float[] obs = TestModels.Observation(head.ObservationSize);
        float[] latent = new float[head.LatentSize];
        float[] action = new float[head.ActionSize];
        head.WarmUp(100);
        for (int i = 0; i < 100; i++)
        {
            head.Launch();
            head.Synchronize();
        }

        // Minimum over rounds: the CPU accelerator's wait allocates now and then when its worker
        // threads are descheduled (a loaded machine); a tick that allocated anything of its own would
        // raise every round.
        const int Ticks = 300;
        const int Rounds = 5;
        long launches = long.MaxValue;
        long ticks = long.MaxValue;
        for (int round = 0; round < Rounds; round++)
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int i = 0; i < Ticks; i++)
            {
                head.Launch();
                head.Synchronize();
            }

            launches = Math.Min(launches, GC.GetAllocatedBytesForCurrentThread() - before);
            before = GC.GetAllocatedBytesForCurrentThread();
            for (int i = 0; i < Ticks; i++)
            {
                obs[0] = i * 0.001f;
                head.Act(obs, latent, 0.01f, action);
            }

            ticks = Math.Min(ticks, GC.GetAllocatedBytesForCurrentThread() - before);
        }

        Assert.Equal(launches, ticks);
    }
}
