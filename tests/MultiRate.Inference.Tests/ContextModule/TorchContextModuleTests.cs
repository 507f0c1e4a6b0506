using MultiRate.Inference.ContextModule;
using MultiRate.Core.Budgets;
using MultiRate.Core.Modules;
using Xunit;

namespace MultiRate.Inference.Tests.ContextModule;

public sealed class TorchContextModuleTests
{
    private static ContextRequest Request(TorchContextModule module, AnytimeBudget budget, int rows = -1)
    {
        int r = rows < 0 ? module.HistoryLength : rows;
        return new ContextRequest(3, 3_000_000, TestModels.Observation(r * module.ObservationSize), r, null, budget);
    }

    [Fact]
    public void Update_FixedBudget_RunsExactlyKStepsAndReturnsLatentOfLatentDim()
    {
        using var module = TestModels.Context(TestModels.Config());
        ContextResult result = module.Update(Request(module, AnytimeBudget.FixedSteps(4)));
        Assert.Equal(ModuleOutcome.Ok, result.Outcome);
        Assert.Equal(6, result.Latent!.Length);
        Assert.Equal(4, result.RecursionSteps);
        Assert.Equal(4, module.BlockInvocations);
        Assert.Equal(4, module.ObservationSize); // 3 context fields + 1 goal field
    }

    [Fact]
    public void Update_InjectedTimeThreeMsPerRead_StopsWhenTheNextStepWouldOverrunTheBudget()
    {
        // The fake clock advances 3 ms each time it is read. Budget 20 ms, K = 8:
        // after step 3 the clock reads 18 ms and the slowest step is 3 ms: 21 > 20, so stop.
        using var module = TestModels.Context(TestModels.Config());
        long now = 0;
        var budget = new AnytimeBudget(20_000_000, 8, fixedSteps: false, () => now += 3_000_000);
        ContextResult result = module.Update(Request(module, budget));
        Assert.Equal(ModuleOutcome.Ok, result.Outcome);
        Assert.Equal(3, result.RecursionSteps);
        Assert.Equal(3, budget.Steps);
        Assert.Equal(3, module.BlockInvocations);
    }

    [Fact]
    public void Update_BudgetAlreadySpent_StillRunsTheMinimumStep()
    {
        using var module = TestModels.Context(TestModels.Config());
        var budget = new AnytimeBudget(1, 8, fixedSteps: false, () => 1_000_000_000);
        ContextResult result = module.Update(Request(module, budget));
        Assert.Equal(ModuleOutcome.Ok, result.Outcome);
        Assert.Equal(1, result.RecursionSteps);
    }

    [Fact]
    public void Update_SameSeed_GivesBitIdenticalLatents_DifferentSeedDiffers()
    {
        using var a = TestModels.Context(TestModels.Config(seed: 5));
        using var b = TestModels.Context(TestModels.Config(seed: 5));
        using var c = TestModels.Context(TestModels.Config(seed: 6));
        float[] la = a.Update(Request(a, AnytimeBudget.FixedSteps(3))).Latent!;
        Assert.Equal(la, b.Update(Request(b, AnytimeBudget.FixedSteps(3))).Latent!);
        Assert.NotEqual(la, c.Update(Request(c, AnytimeBudget.FixedSteps(3))).Latent!);
    }

    [Fact]
    public void Update_MoreStepsRefineTheLatent_StepCountChangesTheResult()
    {
        using var module = TestModels.Context(TestModels.Config());
        float[] one = module.Update(Request(module, AnytimeBudget.FixedSteps(1))).Latent!;
        float[] four = module.Update(Request(module, AnytimeBudget.FixedSteps(4))).Latent!;
        Assert.NotEqual(one, four);
    }

    [Fact]
    public void Update_FewerRowsThanTheWindow_PadsAndSucceeds()
    {
        using var module = TestModels.Context(TestModels.Config());
        ContextResult result = module.Update(Request(module, AnytimeBudget.FixedSteps(2), rows: 2));
        Assert.Equal(ModuleOutcome.Ok, result.Outcome);
    }

    [Fact]
    public void Update_HistoryShorterThanDeclaredRows_ReturnsFaulted()
    {
        using var module = TestModels.Context(TestModels.Config());
        var request = new ContextRequest(0, 0, new float[3], 5, null, AnytimeBudget.FixedSteps(2));
        Assert.Equal(ModuleOutcome.Faulted, module.Update(request).Outcome);
    }
}
