using MultiRate.Core.Budgets;
using MultiRate.Core.Models;
using MultiRate.Core.Modules;
using MultiRate.Core.Rates;
using MultiRate.Inference;
using MultiRate.Training.Fitting;
using MultiRate.Training.Model;
using TorchSharp;

namespace MultiRate.Training.Tests.Model;

public class PolicyExporterTests
{
    private static readonly ActionSpec Action = new() { Dimension = 2, Safe = [0, 0], Min = [-1, 0], Max = [1, 3] };

    private static ModelConfig Config() => new()
    {
        Name = "export",
        Seed = 4,
        Inputs = new ModelInputs { Head = ["/a.x", "/a.y", "/a.z"], Context = ["/b.p", "/b.q"] },
        Head = new HeadConfig { Hidden = [16, 8], AgeFeatures = true },
        Context = new ContextConfig { DModel = 8, Heads = 2, FeedForward = 16, Recursion = 3, History = 5, LatentDim = 4 },
    };

    [Theory]
    [InlineData(TrainingMode.MultiRate)]
    [InlineData(TrainingMode.NoContext)]
    public void Export_LoadedIntoTheRuntimeModules_SameOutputsOnRawInputs(TrainingMode mode)
    {
        string dir = Path.Combine(Path.GetTempPath(), "multirate-training-tests", Guid.NewGuid().ToString("N"));
        var head = new Normalizer([1f, -2f, 0.5f], [2f, 0.1f, 3f]);
        var rows = new Normalizer([10f, -1f], [5f, 0.2f]);
        using var policy = new TrainablePolicy(Config(), Action, head, rows, mode);
        PolicyExporter.Export(policy, dir);
        ModelConfig loaded = Config() with { Weights = dir };
        using IActionHead runtimeHead = PolicyFactory.CreateHead(loaded, 2, [-1, 0], [1, 3]);
        using IContextModule runtimeContext = PolicyFactory.CreateContext(loaded);
        float[] window = [.. Enumerable.Range(0, 10).Select(i => 10 + (i * 0.7f) - (i % 3))];
        float[] obs = [2.5f, -1.9f, 4f];

        ContextResult ctx = runtimeContext.Update(new ContextRequest(0, 0, window, 5, null, AnytimeBudget.FixedSteps(3)));
        float[] action = new float[2];
        runtimeHead.Act(obs, ctx.Latent, 0.12f, action);

        using var noGrad = torch.no_grad();
        float[] latent = policy.ContextForward(torch.tensor(window, [1, 5, 2])).data<float>().ToArray();
        torch.Tensor trainedLatent = mode == TrainingMode.NoContext ? torch.zeros(1, 4) : torch.tensor(latent, [1, 4]);
        float[] expected = policy.HeadForward(torch.tensor(obs, [1, 3]), trainedLatent, torch.tensor(new[] { 0.12f })).data<float>().ToArray();
        if (mode != TrainingMode.NoContext)
        {
            for (int i = 0; i < 4; i++)
            {
                Assert.Equal(latent[i], ctx.Latent![i], 1e-4f);
            }
        }

        Assert.Equal(expected[0], action[0], 1e-5f);
        Assert.Equal(expected[1], action[1], 1e-5f);
    }
}
