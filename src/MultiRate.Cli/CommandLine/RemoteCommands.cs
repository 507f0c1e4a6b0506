using System.CommandLine;
using MultiRate.Cli.CommandLine.Args;
using MultiRate.Cli.Commands;

namespace MultiRate.Cli.CommandLine;

/// <summary><c>serve-context</c> and <c>bench remote</c>: the context modules served over the Open Inference Protocol.</summary>
internal static class RemoteCommands
{
    public static Command ServeContext(CliContext ctx)
    {
        var command = new Command(
            "serve-context",
            "Serves the config's context modules over the Open Inference Protocol (KServe v2 gRPC, HTTP/2 cleartext), one model per context module of the rate profile, " +
            "for a run whose config names them in its remote section; a stop signal (SIGINT, SIGTERM) stops it within a second. " +
            "Example: multirate serve-context --config configs/default.yaml --port 8001");
        Option<string?> config = CliOptions.Text("--config", "C", "Model config (YAML) the modules are built from; default configs/default.yaml");
        Option<string?> rates = CliOptions.Text("--rates", "R", "Rate profile (YAML) naming the context modules; default rates/default.yaml");
        Option<string?> host = CliOptions.Text("--host", "ADDR", "Address to listen on (default 127.0.0.1; 0.0.0.0 for every interface)");
        Option<int?> port = CliOptions.Whole("--port", "P", "Port to listen on (default 8001; 0 picks a free one)", 0, 65535);
        foreach (Option o in new Option[] { config, rates, host, port })
        {
            command.Options.Add(o);
        }

        command.SetAction(p => ServeContextCommand.Execute(
            new ServeContextArgs { Config = p.GetValue(config), Rates = p.GetValue(rates), Host = p.GetValue(host), Port = p.GetValue(port) },
            ctx.Stdout,
            ctx.Stderr,
            ctx.StopToken()));
        return command;
    }

    public static Command BenchRemote(CliContext ctx)
    {
        var command = new Command(
            "remote",
            "The context module in-process beside the same module served over loopback (Open Inference Protocol, gRPC): update round trip p50/p99 on the same inputs, interleaved, " +
            "and the head's latent age p50/p99 over one real-time run of each. " +
            "Example: multirate bench remote --updates 500 --seconds 5");
        Option<string?> rates = CliOptions.Text("--rates", "R", "Rate profile (YAML); default rates/default.yaml");
        Option<string?> config = CliOptions.Text("--config", "C", "Model config (YAML); default configs/default.yaml (a remote section names the module; its url is not used)");
        Option<int?> updates = CliOptions.Whole("--updates", "N", "Updates per side for the round trip (default 300)", 10, 1_000_000);
        Option<double?> seconds = CliOptions.Number("--seconds", "S", "Seconds of each real-time run for the latent age (default 5; 0 skips the runs)", 0, 3600);
        Option<bool> json = SharedOptions.JsonObject();
        SharedOptions.Add(command, rates, config, updates, seconds, json);
        command.SetAction(p => BenchRemoteCommand.Execute(
            new RemoteBenchArgs { Rates = p.GetValue(rates), Config = p.GetValue(config), Updates = p.GetValue(updates), Seconds = p.GetValue(seconds), Json = p.GetValue(json) },
            ctx.Stdout,
            ctx.Console));
        return command;
    }
}
