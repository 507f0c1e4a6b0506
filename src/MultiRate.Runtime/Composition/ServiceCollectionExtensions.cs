using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using MultiRate.Core.Sensors;
using MultiRate.Runtime.Running;
using MultiRate.Scheduling.Observation;

namespace MultiRate.Runtime.Composition;

/// <summary>The composition root: <c>services.AddMultiRate(o => ...)</c>.</summary>
public static class ServiceCollectionExtensions
{
    /// <summary>
    /// Registers the runtime. Extension points: register an <see cref="ISensorSource"/> (a robot's
    /// own sensors), an <see cref="IActuatorSink"/> (its actuators) or an <see cref="IModuleFactory"/>
    /// (its own modules), or a <see cref="RunPlan"/> already loaded, before or after this call; the defaults (log/synthetic source, no sink,
    /// TorchSharp modules) apply only where nothing else is registered.
    /// </summary>
    public static IServiceCollection AddMultiRate(this IServiceCollection services, Action<MultiRateOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = new MultiRateOptions();
        configure?.Invoke(options);
        services.TryAddSingleton(options);
        services.TryAddSingleton<IModuleFactory, TorchModuleFactory>();

        // Loaded once, when first asked for; a composition root that already loaded it registers its own.
        services.TryAddSingleton(sp => RunPlan.Load(sp.GetRequiredService<MultiRateOptions>()));
        services.TryAddTransient(sp => new RunSession(
            sp.GetRequiredService<RunPlan>(),
            sp.GetRequiredService<MultiRateOptions>(),
            sp.GetRequiredService<IModuleFactory>(),
            sp.GetService<IActuatorSink>(),
            sp.GetService<ISensorSource>(),
            sp.GetServices<IRunObserver>()));
        return services;
    }
}
