using MultiRate.Core.Models;
using MultiRate.Core.Modules;
using MultiRate.Core.Rates;
using MultiRate.Runtime.Composition;
using MultiRate.Inference;
using MultiRate.Training.Model;

namespace MultiRate.Training.Evaluation;

/// <summary>
/// The runtime's own modules (<see cref="PolicyFactory"/>) with the trained weights: the module feeding
/// the head loads <c>DIR</c>, each slower module of its chain <c>DIR/upstream/MODULE</c>.
/// </summary>
/// <remarks>
/// A context module outside that chain cannot change what the head sees; it keeps the runtime's seeded
/// init (no weights were trained for it). Upstream inputs and seeds are sized as the runtime's module
/// factory sizes them.
/// </remarks>
internal sealed class TrainedModuleFactory(string weightsDirectory) : IModuleFactory
{
    public PolicyModules Create(RateProfile profile, ModelConfig config)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(config);
        string directory = Path.GetFullPath(weightsDirectory);
        ContextLevel[] chain = ContextLevel.ChainOf(profile);
        ModelConfig trained = config with { Weights = directory };
        ActionSpec spec = profile.Action;
        IActionHead head = PolicyFactory.CreateHead(trained, spec.Dimension, [.. spec.Min], [.. spec.Max]);
        var contexts = new Dictionary<string, IContextModule>();
        try
        {
            int index = 0;
            foreach (ClockDefinition clock in profile.Clocks.OrderBy(c => c.RateHz).Where(c => profile.ModuleOf(c).Kind == ModuleKind.Context))
            {
                if (contexts.ContainsKey(clock.Module))
                {
                    continue;
                }

                int level = Array.FindIndex(chain, l => l.Module == clock.Module);
                string? weights = level switch
                {
                    0 => directory,
                    > 0 => PolicyExporter.UpstreamDirectory(directory, clock.Module),
                    _ => null,
                };
                int upstream = profile.Handoffs.Any(h => h.To == clock.Name) ? config.Context.LatentDim : 0;
                contexts[clock.Module] = PolicyFactory.CreateContext(config with { Weights = weights, Seed = config.Seed + (100 * index++) }, upstream);
            }
        }
        catch
        {
            head.Dispose();
            foreach (IContextModule module in contexts.Values)
            {
                module.Dispose();
            }

            throw;
        }

        return new PolicyModules(head, contexts);
    }
}
