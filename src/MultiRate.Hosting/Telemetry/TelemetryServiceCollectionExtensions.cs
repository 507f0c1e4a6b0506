using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using MultiRate.Runtime.Running;
using MultiRate.Runtime.Composition;
using MultiRate.Scheduling.Observation;

namespace MultiRate.Hosting.Telemetry;

/// <summary>Registers the run's live statistics and metrics as observers: <c>services.AddMultiRateTelemetry()</c>.</summary>
public static class TelemetryServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="LiveStats"/> and <see cref="MetricsObserver"/> as singletons and as
    /// <see cref="IRunObserver"/>s, so <c>RunSession</c> passes them to the executor. Call after
    /// <c>AddMultiRate</c>; both read the clock names from the options' profile.
    /// </summary>
    public static IServiceCollection AddMultiRateTelemetry(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton(sp => new TelemetryProfile(sp.GetRequiredService<RunPlan>().Profile));
        services.TryAddSingleton(sp => new LiveStats(sp.GetRequiredService<TelemetryProfile>().Profile));
        services.TryAddSingleton(sp => new MetricsObserver(sp.GetRequiredService<TelemetryProfile>().Profile));
        services.AddSingleton<IRunObserver>(sp => sp.GetRequiredService<LiveStats>());
        services.AddSingleton<IRunObserver>(sp => sp.GetRequiredService<MetricsObserver>());
        return services;
    }
}
