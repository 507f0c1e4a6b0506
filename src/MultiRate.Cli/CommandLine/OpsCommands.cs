using System.CommandLine;
using MultiRate.Cli.CommandLine.Args;
using MultiRate.Cli.Commands;

namespace MultiRate.Cli.CommandLine;

/// <summary>The long-run and field commands: <c>soak</c>, <c>faults</c> and <c>tune</c>.</summary>
internal static class OpsCommands
{
    public static Command Soak(CliContext ctx)
    {
        var command = new Command(
            "soak",
            "Memory, GC and native tensor counts at the start and end of a long virtual-time run and a long real-time run of the runtime (0 skips a part). " +
            "Example: multirate soak --virtual-ticks 1000000 --realtime-seconds 0 --json");
        Option<long?> ticks = CliOptions.Long("--virtual-ticks", "N", "Fast ticks in virtual time (default 10000000)", 0, 10_000_000_000);
        Option<double?> seconds = CliOptions.Number("--realtime-seconds", "S", "Seconds in real time (default 600)", 0, 86_400 * 7);
        Option<string?> rates = SharedOptions.Rates();
        Option<string?> config = SharedOptions.Config();
        Option<bool> json = CliOptions.Flag("--json", "Print one JSON object on one line instead of indented");
        SharedOptions.Add(command, ticks, seconds, rates, config, json);

        command.SetAction(p => SoakCommand.Execute(
            new SoakArgs { VirtualTicks = p.GetValue(ticks), RealtimeSeconds = p.GetValue(seconds), Rates = p.GetValue(rates), Config = p.GetValue(config), Json = p.GetValue(json) },
            ctx.Stdout,
            ctx.Console));
        return command;
    }

    public static Command Faults(CliContext ctx)
    {
        var command = new Command(
            "faults",
            "Injects every fault once in virtual time and checks each: exactly one action per tick, counted, recovered, no crash; exit 1 when a row breaks a promise. " +
            "Example: multirate faults --seed 7 --json");
        Option<int?> seed = CliOptions.Whole("--seed", "N", "Seed of the fault windows (default 1)", 0, int.MaxValue);
        Option<string?> rates = SharedOptions.Rates();
        Option<string?> config = SharedOptions.Config();
        Option<double?> seconds = CliOptions.Number("--seconds", "N", "Virtual seconds per fault (default 5)", 1, 600);
        Option<bool> json = CliOptions.Flag("--json", "Print one JSON document instead of a table");
        SharedOptions.Add(command, seed, rates, config, seconds, json);

        command.SetAction(p => FaultsCommand.Execute(
            new FaultsArgs { Seed = p.GetValue(seed), Rates = p.GetValue(rates), Config = p.GetValue(config), Seconds = p.GetValue(seconds), Json = p.GetValue(json) },
            ctx.Stdout));
        return command;
    }

    public static Command Tune(CliContext ctx)
    {
        var command = new Command(
            "tune",
            "Measures the whole graph (or reads saved measurements or a recording), applies the recommended budgets to a rate profile, and confirms them with a real-time run; " +
            "budgets only unless --lower-rates; a dry run showing the diff unless --write, which is refused (exit 1) when the confirmation misses more than the profile's tuning.miss_tolerance. " +
            "Example: multirate tune rates/franka-1khz.yaml --from franka-bench.json --write");
        Argument<string?> path = CliOptions.Positional("profile", "The rate profile (YAML) to tune");
        Option<string?> config = CliOptions.Text("--config", "C", "Model config (YAML) to measure and confirm with; default configs/default.yaml");
        Option<string?> from = CliOptions.Text("--from", "FILE", "Use saved measurements ('multirate bench profile --json') instead of measuring now");
        Option<bool> write = CliOptions.Flag("--write", "Write <name>.tuned.yaml beside the profile (validated first) and print the diff");
        Option<bool> lowerRates = CliOptions.Flag("--lower-rates", "Also lower a clock's rate_hz where the recommended budget does not fit its period (never raises a rate)");
        Option<string?> fromRecording = CliOptions.Text("--from-recording", "REC", "Use the per-tick compute times of a recorded run ('multirate run --record REC.mcap') instead of measuring now");
        Option<double?> confirmSeconds = CliOptions.Number("--confirm-seconds", "S", "Real-time confirmation run under the tuned profile, in seconds (default 10; 0 = none, dry runs only)", 0, 3600);
        Option<bool> force = CliOptions.Flag("--force", "Use saved measurements or a recording of another profile or model config");
        Option<bool> json = CliOptions.Flag("--json", "Print one JSON object: accepted, and per clock budget, recommendation, confirmation and tolerance");
        command.Arguments.Add(path);
        command.Options.Add(config);
        command.Options.Add(from);
        command.Options.Add(write);
        command.Options.Add(lowerRates);
        command.Options.Add(fromRecording);
        command.Options.Add(confirmSeconds);
        command.Options.Add(force);
        command.Options.Add(json);
        TuningOptionSet tuning = new(command);
        CliOptions.RequireArgument(command, path, "missing rate profile path (e.g. rates/default.yaml)");
        command.SetAction(p => TuneCommand.Execute(
            new TuneArgs
            {
                Path = p.GetValue(path)!,
                Config = p.GetValue(config),
                From = p.GetValue(from),
                Write = p.GetValue(write),
                LowerRates = p.GetValue(lowerRates),
                Quantile = p.GetValue(tuning.Quantile),
                Margin = p.GetValue(tuning.Margin),
                Warmup = p.GetValue(tuning.Warmup),
                Samples = p.GetValue(tuning.Samples),
                FifoPriority = p.GetValue(tuning.FifoPriority),
                FromRecording = p.GetValue(fromRecording),
                ConfirmSeconds = p.GetValue(confirmSeconds),
                Force = p.GetValue(force),
                Json = p.GetValue(json),
            },
            ctx.Stdout,
            ctx.Stderr,
            ctx.StopToken()));
        return command;
    }
}
