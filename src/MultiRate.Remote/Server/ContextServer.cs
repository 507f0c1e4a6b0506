using System.Net;
using Grpc.AspNetCore.Server;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using MultiRate.Core.Models;
using MultiRate.Core.Rates;

namespace MultiRate.Remote.Server;

/// <summary>
/// Serves a config's context modules over the Open Inference Protocol (KServe v2 gRPC) with Kestrel,
/// HTTP/2 cleartext: <c>multirate serve-context</c>, and the server the remote tests start.
/// </summary>
/// <remarks>
/// Every context module of the rate profile is a model named after its profile module, built as an
/// in-process run builds it, so a remote run computes the same latents. <see cref="StopAsync"/> ends
/// in-flight calls within its grace period (one second by default).
/// </remarks>
public sealed class ContextServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ContextModelCatalog _catalog;
    private int _disposed;

    private ContextServer(WebApplication app, ContextModelCatalog catalog, Uri address)
    {
        _app = app;
        _catalog = catalog;
        Address = address;
    }

    /// <summary>Where it listens, <c>http://host:port</c> (the port chosen when 0 was asked for).</summary>
    public Uri Address { get; }

    /// <summary>The model names served (the profile's context modules).</summary>
    public IReadOnlyCollection<string> Models => _catalog.Names;

    /// <summary>Builds the models and starts listening.</summary>
    /// <param name="profile">The rate profile whose context modules are served.</param>
    /// <param name="config">The model config they are built from.</param>
    /// <param name="endpoint">Address and port (port 0: any free port).</param>
    /// <param name="configureGrpc">Extra gRPC service options (interceptors), or null.</param>
    public static async Task<ContextServer> StartAsync(RateProfile profile, ModelConfig config, IPEndPoint endpoint, Action<GrpcServiceOptions>? configureGrpc = null)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        ContextModelCatalog catalog = ContextModelCatalog.Build(profile, config);
        try
        {
            WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
            builder.Logging.ClearProviders();
            builder.WebHost.ConfigureKestrel(k => k.Listen(endpoint, l => l.Protocols = HttpProtocols.Http2));
            builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(1));
            builder.Services.AddSingleton(catalog);
            builder.Services.AddGrpc(o => configureGrpc?.Invoke(o));
            WebApplication app = builder.Build();
            app.MapGrpcService<ContextInferenceService>();
            await app.StartAsync().ConfigureAwait(false);
            string bound = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            return new ContextServer(app, catalog, new Uri(bound.Replace("[::]", "127.0.0.1", StringComparison.Ordinal)));
        }
        catch
        {
            catalog.Dispose();
            throw;
        }
    }

    /// <summary>Stops listening; calls still running after the grace period are cancelled.</summary>
    public Task StopAsync(CancellationToken cancellation = default) => _app.StopAsync(cancellation);

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await _app.DisposeAsync().ConfigureAwait(false);
        _catalog.Dispose();
    }
}
