using MultiRate.Core.Models;
using MultiRate.Core.Modules;
using MultiRate.Core.Rates;
using MultiRate.Inference;

namespace MultiRate.Runtime.Composition;

/// <summary>
/// Builds the TorchSharp head and one context module per context module of the profile. A context
/// module fed by a slower clock receives that clock's latent as an extra input; each module gets
/// its own seed (config seed + 100 * its position), so levels don't start as copies of each other.
/// </summary>
/// <remarks>Public so that composition roots above the runtime (fault injection, benchmarks) can wrap it.</remarks>
public sealed class TorchModuleFactory : IModuleFactory
{
    /// <inheritdoc />
    public PolicyModules Create(RateProfile profile, ModelConfig config)
    {
        var spec = profile.Action;
        IActionHead head = PolicyFactory.CreateHead(config, spec.Dimension, [.. spec.Min], [.. spec.Max]);
        var contexts = new Dictionary<string, IContextModule>();
        int index = 0;
        foreach (ClockDefinition clock in profile.Clocks.OrderBy(c => c.RateHz))
        {
            if (profile.ModuleOf(clock).Kind != ModuleKind.Context || contexts.ContainsKey(clock.Module))
            {
                continue;
            }

            bool hasUpstream = profile.Handoffs.Any(h => h.To == clock.Name);
            ModelConfig seeded = config with { Seed = config.Seed + (100 * index++) };
            contexts[clock.Module] = PolicyFactory.CreateContext(seeded, hasUpstream ? config.Context.LatentDim : 0);
        }

        return new PolicyModules(head, contexts);
    }
}
