using MultiRate.Core.Models;
using MultiRate.Core.Modules;
using MultiRate.Inference;

namespace MultiRate.Bench.Models;

/// <summary>Builds the seeded head and context the scale benches time, and counts their parameters.</summary>
internal static class BenchModels
{
    public static ModelConfig Config(ScaleBenchmarkOptions o, int headWidth, int dModel, ComputeDevice headDevice, ComputeDevice contextDevice = ComputeDevice.Cpu) => new()
    {
        Name = "bench-scale",
        Seed = 1,
        Inputs = new ModelInputs
        {
            Head = [.. Enumerable.Range(0, o.Shape.Observation).Select(i => $"/obs.{i}")],
            Context = [.. Enumerable.Range(0, o.Shape.Observation).Select(i => $"/obs.{i}")],
        },
        Head = new HeadConfig { Hidden = [headWidth], Device = headDevice },
        Context = new ContextConfig
        {
            DModel = dModel,
            Heads = Math.Max(1, dModel / 64),
            FeedForward = dModel * 4,
            Recursion = o.Shape.Recursion,
            History = o.Shape.History,
            LatentDim = o.Shape.Latent,
            Device = contextDevice,
        },
    };

    public static IActionHead Head(ScaleBenchmarkOptions o, ModelConfig config)
    {
        double[] min = [.. Enumerable.Repeat(-1.0, o.Shape.Action)];
        double[] max = [.. Enumerable.Repeat(1.0, o.Shape.Action)];
        return PolicyFactory.CreateHead(config, o.Shape.Action, min, max);
    }

    public static IContextModule Context(ModelConfig config) => PolicyFactory.CreateContext(config);

    public static long Parameters(IActionHead head) => ModuleParameters.Count(head);

    public static long Parameters(IContextModule context) => ModuleParameters.Count(context);
}
