using System.Net;
using MultiRate.Cli.CommandLine.Args;
using MultiRate.Cli.Infrastructure;
using MultiRate.Core.Errors;
using MultiRate.Remote.Server;
using MultiRate.Runtime.Running;

namespace MultiRate.Cli.Commands;

/// <summary>
/// <c>multirate serve-context</c>: builds the profile's context modules from the config and serves them
/// until a stop signal. Prints <c>listening on URL</c> on stdout once clients can connect.
/// </summary>
internal static class ServeContextCommand
{
    /// <summary>The port <c>configs/remote-context.yaml</c> points at.</summary>
    public const int DefaultPort = 8001;

    public static int Execute(ServeContextArgs a, TextWriter stdout, TextWriter stderr, CancellationToken stop)
    {
        string profilePath = DefaultPaths.Resolve(a.Rates ?? "rates/default.yaml");
        string configPath = DefaultPaths.Resolve(a.Config ?? "configs/default.yaml");
        string hostText = a.Host ?? "127.0.0.1";
        if (!IPAddress.TryParse(hostText, out IPAddress? host))
        {
            throw new UserInputException($"--host: '{hostText}' is not an IP address (e.g. 127.0.0.1, or 0.0.0.0 for every interface)");
        }

        RunPlan plan = RunPlan.Load(profilePath, configPath);
        int port = a.Port ?? DefaultPort;
        ContextServer server;
        try
        {
            server = ContextServer.StartAsync(plan.Profile, plan.Config, new IPEndPoint(host, port)).GetAwaiter().GetResult();
        }
        catch (IOException ex)
        {
            throw new UserInputException($"--port: cannot listen on {hostText}:{port} ({ex.Message})", ex);
        }

        try
        {
            stderr.WriteLine($"serving context models {string.Join(", ", server.Models)} of {configPath} (profile {profilePath}); a stop signal stops it");
            stdout.WriteLine($"listening on {server.Address}");
            stdout.Flush();
            stop.WaitHandle.WaitOne();
            using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(1));
            server.StopAsync(grace.Token).GetAwaiter().GetResult();
        }
        finally
        {
            server.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }

        stderr.WriteLine("serve-context: stopped");
        return 0;
    }
}
