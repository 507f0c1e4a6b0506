using System.Buffers;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Transport.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using MultiRate.Core.Errors;
using MultiRate.Core.Rates;
using MultiRate.Live.Parameters;
using MultiRate.Live.Protocol;
using MultiRate.Live.Serving;
using MultiRate.Logs.Abstractions;
using MultiRate.Recording;
using MultiRate.Recording.Feed;
using MultiRate.Recording.Summaries;
using MultiRate.Scheduling.Executor;
using MultiRate.Scheduling.Observation;
using MultiRate.Scheduling.Stats;

namespace MultiRate.Live;

/// <summary>
/// <c>run --live [HOST:]PORT</c>: serves the run's channels (the ones <c>--record</c> writes: actions,
/// ticks per clock, latents, faults, summary; JSON with JSON Schemas) over the Foxglove WebSocket
/// protocol v1, so Foxglove or Lichtblick plots them while the robot runs, and exposes the profile's
/// budgets and policies as protocol parameters that go through hot reload's validation.
/// </summary>
/// <remarks>
/// <para>Threads: the clock threads only copy events into <see cref="Observer"/>'s preallocated ring (no
/// lock, no allocation, never a wait). One sender thread serialises them and offers them to each
/// client's bounded queue; each client has its own send loop. A client that stops reading loses
/// messages (counted, and told how many); nothing waits for it.</para>
/// <para>Kestrel serves the WebSocket; the subprotocol <c>foxglove.websocket.v1</c> is required.</para>
/// </remarks>
public sealed class LiveServer : IDisposable
{
    private readonly WebApplication _app;
    private readonly RunEventFeed _feed;
    private readonly LiveHub _hub;
    private readonly LiveSender _sender;
    private readonly LiveOptions _options;
    private readonly CancellationTokenSource _stopping;
    private readonly int _summaryChannel;
    private int _finished;
    private int _disposed;

    private LiveServer(WebApplication app, RunEventFeed feed, LiveHub hub, LiveOptions options, CancellationTokenSource stopping, int summaryChannel, Uri address)
    {
        _app = app;
        _feed = feed;
        _hub = hub;
        _options = options;
        _stopping = stopping;
        _summaryChannel = summaryChannel;
        _sender = new LiveSender(feed, hub);
        Address = address;
    }

    /// <summary>Where it listens: <c>ws://host:port/</c> (the port chosen when 0 was asked for; host <c>0.0.0.0</c> for every interface).</summary>
    public Uri Address { get; }

    /// <summary>What the run's executor reports to: add it to the run's observers.</summary>
    public IRunObserver Observer => _feed;

    /// <summary>The protocol parameters, e.g. <c>clocks.head.budget_ms</c> (see docs/guides/live-view.md).</summary>
    public IReadOnlyList<string> ParameterNames => _hub.Parameters.Names;

    /// <summary>Clients that have connected so far.</summary>
    public long Connections => _hub.Connections;

    /// <summary>Events the ring dropped because the sender thread fell behind (nothing is ever waited for).</summary>
    public long RingDropped => _feed.Dropped;

    /// <summary>Messages dropped for clients that did not keep up, over every client so far.</summary>
    public long ClientDropped => _hub.DroppedByGone + _hub.Clients.Sum(c => c.Dropped);

    /// <summary>Starts listening on <paramref name="endpoint"/> and starts the sender thread.</summary>
    /// <param name="profile">The run's profile: names the channels and the parameters.</param>
    /// <param name="endpoint">Address and port (port 0: any free port).</param>
    /// <param name="options">Options (defaults when null).</param>
    /// <exception cref="UserInputException">The address cannot be listened on (port in use, address not on this machine); the message names <c>--live</c>.</exception>
    public static LiveServer Start(RateProfile profile, IPEndPoint endpoint, LiveOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(endpoint);
        options ??= new LiveOptions();
        options.Validate();
        var feed = new RunEventFeed(profile, options.RingCapacity);
        var summary = new FeedChannel(feed.Channels.Count, RecordingTopics.Summary, RecordingTopics.SummarySchema, RunSummaryJson.Schema, null);
        var hub = new LiveHub("MultiRate " + profile.Name, [.. feed.Channels, summary], new ProfileParameters(profile), options);
        var stopping = new CancellationTokenSource();
        WebApplication app = Build(endpoint, hub, options, stopping.Token);
        try
        {
            app.StartAsync().GetAwaiter().GetResult();
        }
        catch (Exception ex) when (ex is IOException or SocketException or InvalidOperationException)
        {
            app.DisposeAsync().AsTask().GetAwaiter().GetResult();
            stopping.Dispose();
            feed.Dispose();
            string why = ex.InnerException is SocketException { SocketErrorCode: SocketError.AddressAlreadyInUse } || ex is IOException && ex.Message.Contains("in use", StringComparison.OrdinalIgnoreCase)
                ? "the port is in use (another run, or another program, listens there); choose another with --live [HOST:]PORT"
                : $"cannot listen there ({ex.Message})";
            throw new UserInputException($"--live {endpoint}: {why}", ex);
        }

        var address = new UriBuilder("ws", endpoint.Address.ToString(), BoundPort(app, endpoint)).Uri;
        return new LiveServer(app, feed, hub, options, stopping, summary.Index, address);
    }

    /// <summary>Connects the parameters to the running executor: its profile, and its reload after validation.</summary>
    /// <param name="executor">The run's executor (from <c>RunSession.Started</c>).</param>
    public void Attach(MultiRateExecutor executor)
    {
        ArgumentNullException.ThrowIfNull(executor);
        Attach(() => executor.Profile, executor.Reload);
    }

    /// <summary>Test hook: events the sender thread has taken off the ring.</summary>
    internal long SenderMessages => _sender.Messages;

    /// <summary>Test hook: parameters over any profile source and reload.</summary>
    internal void Attach(Func<RateProfile> current, Action<RateProfile> apply) => _hub.Parameters.Attach(current, apply);

    /// <summary>The run has ended: sends what the ring still holds, then the summary on <see cref="RecordingTopics.Summary"/>.</summary>
    /// <param name="summary">The run's summary (the same object as <c>run --json</c>).</param>
    /// <param name="replay">How much of a replayed log the run covered, or null.</param>
    public void Finish(RunSummary summary, LogCoverage? replay = null)
    {
        ArgumentNullException.ThrowIfNull(summary);
        if (Interlocked.Exchange(ref _finished, 1) != 0)
        {
            return;
        }

        _sender.Stop();
        var buffer = new ArrayBufferWriter<byte>(4096);
        using (var json = new Utf8JsonWriter(buffer))
        {
            RunSummaryJson.Write(json, summary, replay);
        }

        long now = (DateTime.UtcNow - DateTime.UnixEpoch).Ticks * 100;
        foreach (LiveClient client in _hub.Clients)
        {
            client.TryEnqueueData(_summaryChannel, now, buffer.WrittenSpan);
        }
    }

    /// <summary>Gives clients <see cref="LiveOptions.CloseGrace"/> to take what is queued, then closes them and stops listening.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        if (Interlocked.Exchange(ref _finished, 1) == 0)
        {
            _sender.Stop();
        }

        _hub.DrainAsync(_options.CloseGrace).GetAwaiter().GetResult();
        _stopping.Cancel();
        using var stop = new CancellationTokenSource(_options.CloseGrace);
        _app.StopAsync(stop.Token).GetAwaiter().GetResult();
        _app.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _stopping.Dispose();
        _feed.Dispose();
    }

    private static WebApplication Build(IPEndPoint endpoint, LiveHub hub, LiveOptions options, CancellationToken stopping)
    {
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        if (options.SocketSendBufferBytes is int sendBuffer)
        {
            // Accepted sockets inherit the listening socket's buffer sizes (Linux).
            builder.WebHost.UseSockets(o => o.CreateBoundListenSocket = at =>
            {
                Socket socket = SocketTransportOptions.CreateDefaultBoundListenSocket(at);
                socket.SendBufferSize = sendBuffer;
                return socket;
            });
        }

        builder.WebHost.ConfigureKestrel(k => k.Listen(endpoint));
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(1));
        WebApplication app = builder.Build();
        app.UseWebSockets(new WebSocketOptions { KeepAliveInterval = TimeSpan.FromSeconds(10) });
        app.Run(async context =>
        {
            if (!context.WebSockets.IsWebSocketRequest)
            {
                context.Response.StatusCode = StatusCodes.Status400BadRequest;
                await context.Response.WriteAsync($"MultiRate live telemetry: connect with a WebSocket client speaking {FoxgloveProtocol.Subprotocol} (Foxglove, Lichtblick)\n").ConfigureAwait(false);
                return;
            }

            if (!context.WebSockets.WebSocketRequestedProtocols.Contains(FoxgloveProtocol.Subprotocol))
            {
                context.Response.StatusCode = StatusCodes.Status400BadRequest;
                await context.Response.WriteAsync($"the WebSocket subprotocol {FoxgloveProtocol.Subprotocol} is required\n").ConfigureAwait(false);
                return;
            }

            using var socket = await context.WebSockets.AcceptWebSocketAsync(FoxgloveProtocol.Subprotocol).ConfigureAwait(false);
            await hub.ServeAsync(socket, stopping).ConfigureAwait(false);
        });
        return app;
    }

    private static int BoundPort(WebApplication app, IPEndPoint endpoint)
    {
        if (endpoint.Port != 0)
        {
            return endpoint.Port;
        }

        var addresses = app.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>()
            .Features.Get<Microsoft.AspNetCore.Hosting.Server.Features.IServerAddressesFeature>()!.Addresses;
        return new Uri(addresses.First()).Port;
    }
}
