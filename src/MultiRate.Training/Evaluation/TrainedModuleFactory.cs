using MultiRate.Core.Errors;
using MultiRate.Core.Models;
using MultiRate.Core.Modules;
using MultiRate.Core.Rates;
using MultiRate.Runtime.Composition;
using MultiRate.Inference;

namespace MultiRate.Training.Evaluation;

/// <summary>The runtime's own modules (<see cref="PolicyFactory"/>), with the trained weights directory as the config's <c>weights</c>.</summary>
internal sealed class TrainedModuleFactory(string weightsDirectory) : IModuleFactory
{
    public PolicyModules Create(RateProfile profile, ModelConfig config)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(config);
        ModelConfig trained = config with { Weights = Path.GetFullPath(weightsDirectory) };
        ActionSpec spec = profile.Action;
        IActionHead head = PolicyFactory.CreateHead(trained, spec.Dimension, [.. spec.Min], [.. spec.Max]);
        var contexts = new Dictionary<string, IContextModule>();
        foreach (ClockDefinition clock in profile.Clocks.Where(c => profile.ModuleOf(c).Kind == ModuleKind.Context))
        {
            if (contexts.Count > 0 && !contexts.ContainsKey(clock.Module))
            {
                head.Dispose();
                throw new UserInputException($"{profile.SourcePath ?? profile.Name}: trained weights hold one context module; this profile runs several");
            }

            contexts[clock.Module] = PolicyFactory.CreateContext(trained);
        }

        return new PolicyModules(head, contexts);
    }
}
