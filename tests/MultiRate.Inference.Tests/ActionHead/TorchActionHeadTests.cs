using MultiRate.Core.Modules;
using Xunit;

namespace MultiRate.Inference.Tests.ActionHead;

public sealed class TorchActionHeadTests
{
    [Fact]
    public void Create_SmallConfig_ReportsSizes()
    {
        using var head = TestModels.Head(TestModels.Config());
        Assert.Equal(4, head.ObservationSize);
        Assert.Equal(6, head.LatentSize);
        Assert.Equal(3, head.ActionSize);
        Assert.Equal(4 + 6 + 2, head.InputSize);
    }

    [Fact]
    public void Act_SameSeed_GivesBitIdenticalActions()
    {
        using var a = TestModels.Head(TestModels.Config(seed: 11, hidden: [32, 16]));
        using var b = TestModels.Head(TestModels.Config(seed: 11, hidden: [32, 16]));
        using var c = TestModels.Head(TestModels.Config(seed: 12, hidden: [32, 16]));
        float[] first = TestModels.Act(a);
        Assert.Equal(first, TestModels.Act(b));
        Assert.NotEqual(first, TestModels.Act(c));
    }

    [Theory]
    [InlineData(1e30f)]
    [InlineData(-1e30f)]
    [InlineData(1f)]
    public void Act_AnyInputMagnitude_StaysWithinLimits(float scale)
    {
        using var head = TestModels.Head(TestModels.Config(experts: 3, topK: 2));
        float[] action = TestModels.Act(head, scale, age: 1e6f);
        for (int i = 0; i < action.Length; i++)
        {
            Assert.InRange(action[i], (float)TestModels.Min[i], (float)TestModels.Max[i]);
        }
    }

    [Fact]
    public void Act_NaNObservation_ReturnsNonFinite()
    {
        using var head = TestModels.Head(TestModels.Config());
        float[] obs = TestModels.Observation(head.ObservationSize);
        obs[0] = float.NaN;
        Assert.Equal(ModuleOutcome.NonFinite, head.Act(obs, new float[head.LatentSize], 0f, new float[head.ActionSize]));
    }

    [Fact]
    public void Act_WrongObservationLength_ReturnsFaultedWithoutThrowing()
    {
        using var head = TestModels.Head(TestModels.Config());
        Assert.Equal(ModuleOutcome.Faulted, head.Act(new float[2], new float[head.LatentSize], 0f, new float[head.ActionSize]));
    }

    [Theory]
    [InlineData(8, 1)]
    [InlineData(8, 2)]
    public void Act_MixtureOfExperts_RunsOnlyTheTopKExperts(int experts, int topK)
    {
        using var head = TestModels.Head(TestModels.Config(experts: experts, topK: topK));
        for (int i = 0; i < 10; i++)
        {
            Assert.Equal(ModuleOutcome.Ok, head.Act(TestModels.Observation(head.ObservationSize, i), new float[head.LatentSize], 0.01f * i, new float[head.ActionSize]));
        }

        Assert.Equal(10L * topK, head.ExpertInvocations);
    }

    [Fact]
    public void Act_DenseHead_RunsItsOneExpertPerTick()
    {
        using var head = TestModels.Head(TestModels.Config());
        head.WarmUp(5);
        Assert.Equal(5, head.ExpertInvocations);
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(4, 2)]
    public void Act_SteadyState_AllocatesNoManagedMemory(int experts, int topK)
    {
        using var head = TestModels.Head(TestModels.Config(experts: experts, topK: topK, hidden: [64, 32]));
        float[] obs = TestModels.Observation(head.ObservationSize);
        float[] latent = new float[head.LatentSize];
        float[] action = new float[head.ActionSize];
        head.WarmUp(500);
        for (int i = 0; i < 500; i++)
        {
            head.Act(obs, latent, 0.01f, action);
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 2000; i++)
        {
            obs[0] = i * 0.001f;
            head.Act(obs, latent, 0.01f, action);
        }

        long bytes = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(0, bytes);
    }
}
