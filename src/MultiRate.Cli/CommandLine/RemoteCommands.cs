using System.CommandLine;
using MultiRate.Cli.CommandLine.Args;
using MultiRate.Cli.Commands;

namespace MultiRate.Cli.CommandLine;

/// <summary><c>serve-context</c>: the context modules served over the Open Inference Protocol.</summary>
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
}
