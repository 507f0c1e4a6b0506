using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using MultiRate.Remote.Client;
using MultiRate.Runtime.Composition;

namespace MultiRate.Remote;

/// <summary>Registers the remote context client: <c>services.AddMultiRateRemote()</c> beside <c>AddMultiRate</c>.</summary>
public static class RemoteServiceCollectionExtensions
{
    /// <summary>
    /// Lets a model config's <c>remote</c> section work: the runtime's module factory builds that context
    /// module as a client of the named inference server (Open Inference Protocol, gRPC).
    /// </summary>
    public static IServiceCollection AddMultiRateRemote(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton<IRemoteContextFactory, RemoteContextFactory>();
        return services;
    }

    /// <summary>The remote context client for composition roots without DI (benchmarks, tests).</summary>
    /// <param name="mode">The run's clock: in virtual time a call's deadline is generous (declared latency stands in for the network).</param>
    public static IRemoteContextFactory CreateFactory(Scheduling.Executor.ExecutionMode mode) =>
        new RemoteContextFactory(new MultiRateOptions { Mode = mode });
}
