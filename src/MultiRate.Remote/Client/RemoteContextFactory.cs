using System.Net.Http;
using Grpc.Net.Client;
using MultiRate.Core.Models;
using MultiRate.Core.Modules;
using MultiRate.Core.Rates;
using MultiRate.Remote.Protocol;
using MultiRate.Runtime.Composition;
using MultiRate.Scheduling.Executor;

namespace MultiRate.Remote.Client;

/// <summary>
/// Builds a <see cref="RemoteContextModule"/>: one channel, the start-up checks, then the module.
/// </summary>
/// <remarks>
/// A call's deadline is the remote section's <c>timeout_ms</c>, else the clock's budget in real time (a
/// reply later than that could not be used on time anyway, and the module returns before the slow
/// path's own timeout abandons its thread), else 30 s in virtual time: a replay's declared latency
/// stands in for the network, so the wall time a call takes there changes nothing but the replay's speed.
/// </remarks>
internal sealed class RemoteContextFactory(MultiRateOptions? options = null) : IRemoteContextFactory
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(5);

    /// <summary>First wait after the server could not be reached; doubles up to <see cref="MaxBackoff"/>.</summary>
    public static readonly TimeSpan InitialBackoff = TimeSpan.FromMilliseconds(50);

    /// <summary>The longest wait between tries.</summary>
    public static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(1);

    public IContextModule Create(RemoteModelConfig remote, ModelConfig config, ClockDefinition clock, int upstreamSize)
    {
        ArgumentNullException.ThrowIfNull(remote);
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(clock);
        TimeSpan timeout = remote.Timeout
            ?? (options?.Mode == ExecutionMode.Virtual ? TimeSpan.FromSeconds(30) : TimeSpan.FromTicks(Math.Max(1, clock.BudgetNs / 100)));
        GrpcChannel channel = Open(remote.Url, timeout);
        try
        {
            int obs = config.Inputs.Context.Count + config.Inputs.Goal.Count;
            int rows = clock.History > 0 ? clock.History : config.Context.History;
            RemoteModelCheck.Run(
                new GRPCInferenceService.GRPCInferenceServiceClient(channel),
                remote,
                config.SourcePath ?? config.Name,
                new RemoteModelCheck.Expected(obs, rows, upstreamSize, config.Context.LatentDim),
                StartTimeout);
            return new RemoteContextModule(channel, remote, obs, config.Context.LatentDim, rows, upstreamSize, timeout, new ReconnectBackoff(InitialBackoff, MaxBackoff));
        }
        catch
        {
            channel.Dispose();
            throw;
        }
    }

    /// <summary>One long-lived HTTP/2 connection, kept open by pings while the slow clock is idle.</summary>
    internal static GrpcChannel Open(Uri url, TimeSpan timeout) => GrpcChannel.ForAddress(url, new GrpcChannelOptions
    {
        HttpHandler = new SocketsHttpHandler
        {
            PooledConnectionIdleTimeout = Timeout.InfiniteTimeSpan,
            KeepAlivePingDelay = TimeSpan.FromSeconds(10),
            KeepAlivePingTimeout = TimeSpan.FromSeconds(5),
            KeepAlivePingPolicy = HttpKeepAlivePingPolicy.Always,
            ConnectTimeout = timeout < TimeSpan.FromSeconds(2) ? TimeSpan.FromSeconds(2) : timeout,
            EnableMultipleHttp2Connections = false,
        },
        DisposeHttpClient = true,
    });
}
