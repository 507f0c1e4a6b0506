using MultiRate.Core.Models;
using MultiRate.Core.Modules;
using MultiRate.Core.Rates;
using MultiRate.Runtime.Composition;

namespace MultiRate.Hosting.FaultInjection;

/// <summary>Builds the modules with <paramref name="inner"/> and wraps the head and the target context module.</summary>
internal sealed class FaultyModuleFactory(IModuleFactory inner, FaultTimeline timeline, string targetModule) : IModuleFactory
{
    public PolicyModules Create(RateProfile profile, ModelConfig config)
    {
        PolicyModules modules = inner.Create(profile, config);
        var contexts = modules.Contexts.ToDictionary(
            kv => kv.Key,
            kv => kv.Key == targetModule ? new FaultyContextModule(kv.Value, timeline) : kv.Value);
        return new PolicyModules(new FaultyActionHead(modules.Head, timeline), contexts);
    }
}
