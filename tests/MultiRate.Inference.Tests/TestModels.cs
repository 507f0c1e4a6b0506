using MultiRate.Core.Models;
using MultiRate.Inference.ActionHead;
using MultiRate.Inference.ContextModule;

namespace MultiRate.Inference.Tests;

/// <summary>Small configs so the suite stays fast on 2 cores.</summary>
internal static class TestModels
{
    public static readonly double[] Min = [-1.0, 0.0, -5.0];
    public static readonly double[] Max = [1.0, 2.0, 5.0];

    public static ModelConfig Config(int seed = 7, int experts = 0, int topK = 1, int[]? hidden = null, string? weights = null, ComputeDevice device = ComputeDevice.Cpu) => new()
    {
        Name = "test",
        Seed = seed,
        Device = device,
        Weights = weights,
        Inputs = new ModelInputs { Head = ["a", "b", "c", "d"], Context = ["a", "b", "c"], Goal = ["g"] },
        Head = new HeadConfig { Hidden = hidden ?? [32], Experts = experts, TopK = topK },
        Context = new ContextConfig { DModel = 16, Heads = 2, FeedForward = 32, Recursion = 4, History = 5, LatentDim = 6 },
    };

    public static TorchActionHead Head(ModelConfig config) =>
        (TorchActionHead)PolicyFactory.CreateHead(config, Min.Length, Min, Max);

    public static TorchContextModule Context(ModelConfig config) =>
        (TorchContextModule)PolicyFactory.CreateContext(config);

    public static float[] Observation(int size, float scale = 1f) =>
        Enumerable.Range(0, size).Select(i => scale * MathF.Sin(i + 1)).ToArray();

    public static float[] Act(TorchActionHead head, float scale = 1f, float age = 0.05f)
    {
        float[] action = new float[head.ActionSize];
        head.Act(Observation(head.ObservationSize, scale), Observation(head.LatentSize, 0.5f), age, action);
        return action;
    }
}
