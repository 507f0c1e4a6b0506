using CsCheck;
using MultiRate.Core.Budgets;
using MultiRate.Core.Modules;
using MultiRate.Inference.ContextModule;
using MultiRate.Inference.Gpu.Context;
using Xunit;

namespace MultiRate.Inference.Tests.Gpu;

/// <summary>
/// The device context's kernels on ILGPU's CPU accelerator against the CPU path
/// (<see cref="ContextKernel"/>, which is itself held to libtorch's transformer block) on the same
/// seeded weights, over random histories and upstream latents: 1, 2 and 4 attention heads, with and
/// without an upstream token, several recursion depths, and a budget that stops early.
/// Tolerance: each latent value within 1e-5 of the CPU path's (latents are O(1): the final layer
/// norm scales them). Every dot product is summed in the CPU path's order, so what can differ is
/// the softmax's exp (MathF.Exp against the fixed-order FixedMath.Exp) and the layer norms' double
/// statistics summed as a tree instead of in sequence; most updates here are bit-identical and the
/// largest difference seen is one float ulp (about 1e-7). 1e-5 leaves a hundredfold margin across
/// seeds and shapes, while a wrong operation (a missed residual or re-injection, the wrong scale, a
/// transposed matrix) is off by 1e-2 or more.
/// </summary>
public sealed class GpuContextModuleEquivalenceTests
{
    private const double Tolerance = 1e-5;

    public static TheoryData<int, int, int> Variants => new()
    {
        { 1, 0, 1 },
        { 2, 0, 4 },
        { 4, 0, 3 },
        { 1, 5, 2 },
        { 2, 5, 4 },
        { 4, 7, 6 },
    };

    [Theory]
    [MemberData(nameof(Variants))]
    public void Update_RandomInputs_MatchesCpuPathWithinTolerance(int heads, int upstream, int steps)
    {
        var config = GpuContexts.Config(heads: heads, recursion: steps);
        using TorchContextModule cpu = GpuContexts.Cpu(config, upstream);
        using GpuContextModule gpu = GpuContexts.IlgpuCpu(config, upstream);
        Gen<float[]> history = Gen.Float[-3f, 3f].Array[cpu.HistoryLength * cpu.ObservationSize];
        Gen<float[]?> up = upstream == 0 ? Gen.Const((float[]?)null) : Gen.Float[-2f, 2f].Array[upstream].Select(a => (float[]?)a);
        Gen.Select(history, up, Gen.Int[0, cpu.HistoryLength]).Sample(
            (h, u, rows) =>
            {
                float[] a = GpuContexts.Latent(cpu, h, u, AnytimeBudget.FixedSteps(steps), rows);
                float[] b = GpuContexts.Latent(gpu, h, u, AnytimeBudget.FixedSteps(steps), rows);
                AssertClose(a, b);
            },
            iter: 12,
            threads: 1); // one module per thread: the modules are not thread-safe
        Assert.Equal(12L * steps, gpu.BlockInvocations);
    }

    [Fact]
    public void Update_BudgetStopsEarly_GivesTheLatentOfKEqualToTheStepsRun()
    {
        // The fake clock advances 3 ms each time it is read. Budget 20 ms, K = 8: after step 3 the
        // clock reads 18 ms and the slowest step is 3 ms; 21 > 20, so the update stops after 3 steps.
        var config = GpuContexts.Config(recursion: 8);
        using GpuContextModule gpu = GpuContexts.IlgpuCpu(config);
        using TorchContextModule cpu = GpuContexts.Cpu(config);
        float[] history = TestModels.Observation(gpu.HistoryLength * gpu.ObservationSize);
        long now = 0;
        var budget = new AnytimeBudget(20_000_000, 8, fixedSteps: false, () => now += 3_000_000);

        ContextResult early = gpu.Update(GpuContexts.Request(gpu, history, null, budget));

        Assert.Equal(ModuleOutcome.Ok, early.Outcome);
        Assert.Equal(3, early.RecursionSteps);
        Assert.Equal(GpuContexts.Latent(gpu, history, null, AnytimeBudget.FixedSteps(3)), early.Latent);
        Assert.NotEqual(GpuContexts.Latent(gpu, history, null, AnytimeBudget.FixedSteps(8)), early.Latent);
        AssertClose(GpuContexts.Latent(cpu, history, null, AnytimeBudget.FixedSteps(3)), early.Latent!);
    }

    [Fact]
    public void Update_NaNInHistory_ReportsNonFinite()
    {
        using GpuContextModule gpu = GpuContexts.IlgpuCpu(GpuContexts.Config());
        float[] history = TestModels.Observation(gpu.HistoryLength * gpu.ObservationSize);
        history[2] = float.NaN;
        ContextResult result = gpu.Update(GpuContexts.Request(gpu, history, null, AnytimeBudget.FixedSteps(2)));
        Assert.Equal(ModuleOutcome.NonFinite, result.Outcome);
        Assert.Null(result.Latent);
    }

    [Fact]
    public void Update_HistoryShorterThanItsRows_IsFaultedNotThrown()
    {
        using GpuContextModule gpu = GpuContexts.IlgpuCpu(GpuContexts.Config());
        ContextResult result = gpu.Update(GpuContexts.Request(gpu, new float[3], null, AnytimeBudget.FixedSteps(2), rows: 2));
        Assert.Equal(ModuleOutcome.Faulted, result.Outcome);
    }

    private static void AssertClose(float[] cpu, float[] gpu)
    {
        Assert.Equal(cpu.Length, gpu.Length);
        for (int i = 0; i < cpu.Length; i++)
        {
            Assert.True(
                Math.Abs(cpu[i] - gpu[i]) <= Tolerance,
                $"latent {i}: cpu {cpu[i]:R}, ilgpu {gpu[i]:R}, difference {Math.Abs(cpu[i] - gpu[i]):E2} over {Tolerance:E2}");
        }
    }
}
