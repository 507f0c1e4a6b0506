using MultiRate.Core.Errors;
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
/// <remarks>
/// Public so that composition roots above the runtime (fault injection, benchmarks) can wrap it. The
/// module a config's <c>remote</c> section names is built by the <see cref="IRemoteContextFactory"/>
/// given (the network client lives above the runtime); without one, such a config is refused.
/// </remarks>
/// <param name="remote">Builds the remote context module; null: every module in-process.</param>
public sealed class TorchModuleFactory(IRemoteContextFactory? remote = null) : IModuleFactory
{
    /// <inheritdoc />
    public PolicyModules Create(RateProfile profile, ModelConfig config)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(config);
        CheckRemote(profile, config);
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
            int upstream = hasUpstream ? config.Context.LatentDim : 0;
            try
            {
                contexts[clock.Module] = config.Remote is { } r && r.Module == clock.Module
                    ? remote!.Create(r, seeded, clock, upstream)
                    : PolicyFactory.CreateContext(seeded, upstream);
            }
            catch
            {
                // A refused remote model must not leak the modules already built (native tensors, channels).
                new PolicyModules(head, contexts).Dispose();
                throw;
            }
        }

        return new PolicyModules(head, contexts);
    }

    private void CheckRemote(RateProfile profile, ModelConfig config)
    {
        if (config.Remote is not { } r)
        {
            return;
        }

        string where = config.SourcePath ?? config.Name;
        string[] contextModules = [.. profile.Clocks.Where(c => profile.ModuleOf(c).Kind == ModuleKind.Context).Select(c => c.Module).Distinct()];
        if (!contextModules.Contains(r.Module))
        {
            throw new UserInputException(
                $"{where}: remote.module: '{r.Module}' is not a context module of rate profile '{profile.Name}' " +
                $"(its context modules: {string.Join(", ", contextModules)})");
        }

        if (remote is null)
        {
            throw new UserInputException(
                $"{where}: remote: this command computes every module in-process; " +
                "use 'multirate run' or 'multirate replay' for a config with a remote context module");
        }
    }
}
