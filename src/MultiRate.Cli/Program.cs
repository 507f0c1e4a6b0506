using System.Runtime.InteropServices;
using MultiRate.Cli.Commands;
using MultiRate.Core.Errors;
using Spectre.Console;

namespace MultiRate.Cli;

/// <summary>The <c>multirate</c> command.</summary>
internal static class Program
{
    private const string Usage = """
        usage: multirate <command> [options]

          run      [--rates R] [--config C] [--log L] [--seconds N] [--json]     real time (defaults: the shipped demo, 5 s)
          replay   [--log L] [--rates R] [--config C] [--seconds N] [--pace realtime|virtual] [--json]
                                                                                 virtual time on log timestamps
          run|replay also: [--no-dashboard] [--no-watch] [--log-config F] [--allow-truncated] [--fifo-priority 1-99]
                                                                                 live table or a line/s; profile hot reload in real time; logging config
          replay   --weights DIR --targets [--log L] [--config C] [--rates R] [--json]
                                                                                 score trained weights against the logged targets
          train    --log L --config C --rates R --out DIR [--naive | --no-context] [--epochs N] [--seed S] [--extra-stale K]
                                                                                 behaviour cloning for the profile's schedule
          validate <profile.yaml | configs/x.yaml>                                check a rate profile or model config
          inspect  <log> [--json]                                                 format, times, topics of a log
          cat      <log> --topic T [--json] [--limit N]                           decoded messages, one per line
          report   <recording.mcap> [--out DIR]                                   PNG plots + summary.md from a --record file
          bench    scheduler|models|logs [--json] [--seconds N] [--quick]        measurements on this machine (logs: read throughput)
          bench    profile [--rates R] [--config C] [--warmup N] [--samples N] [--quantile Q] [--margin M] [--json] [--raw]
                                                                                 time each clock's module; recommend budgets and rates
          bench    overhead|wakeup|replay|all [--json] [--quick]                  fast-path overhead, wake-up precision, replay speed; all: one JSON (--out FILE)
          soak     [--virtual-ticks 10000000] [--realtime-seconds 600] [--json]   memory, GC and native tensors over a long run
          faults   [--seed N] [--json] [--rates R] [--config C] [--seconds N]    fault matrix in virtual time: one action per tick, counted, recovered
          tune     <profile.yaml> [--config C | --from bench.json] [--write] [--lower-rates] [--quantile Q] [--margin M]
                                                                                 apply them: budgets only (rates: --lower-rates);
                                                                                 --write writes <name>.tuned.yaml and prints the diff

        exit codes: 0 ok, 2 bad input (profile, config, log, weights, arguments), 1 internal error
        """;

    public static int Main(string[] args)
    {
        using var cts = new CancellationTokenSource();

        // SIGINT (Ctrl-C) and SIGTERM (systemd, docker stop, ros2 launch) stop a run gracefully: the
        // safe action goes out, recordings are flushed, the summary is printed, and the exit code is 0.
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cts.Cancel();
        };
        using PosixSignalRegistration term = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
        {
            context.Cancel = true;
            cts.Cancel();
        });
        IAnsiConsole console = AnsiConsole.Console;
        if (Console.IsOutputRedirected)
        {
            // A log file or CI has no width: Spectre would assume 80 columns and wrap every table.
            console.Profile.Width = 200;
        }

        return Run(args, Console.Out, Console.Error, console, cts.Token);
    }

    /// <summary>Runs one command; the testable entry point.</summary>
    internal static int Run(string[] args, TextWriter stdout, TextWriter stderr, IAnsiConsole console, CancellationToken cancellation)
    {
        try
        {
            if (args.Length == 0 || args[0] is "-h" or "--help" or "help")
            {
                stdout.WriteLine(Usage);
                return args.Length == 0 ? 2 : 0;
            }

            string[] rest = args[1..];
            return args[0] switch
            {
                "replay" when rest.Contains("--targets") => EvaluateCommand.Execute(rest, stdout, stderr, console, cancellation),
                "train" => TrainCommand.Execute(rest, stdout, console, cancellation),
                "run" or "replay" => RunCommand.Execute(args[0], rest, stdout, console, cancellation),
                "validate" => ValidateCommand.Execute(rest, stdout),
                "bench" => BenchCommand.Execute(rest, stdout, console),
                "soak" => SoakCommand.Execute(rest, stdout, console),
                "tune" => TuneCommand.Execute(rest, stdout),
                "inspect" => InspectCommand.Execute(rest, stdout, console),
                "cat" => CatCommand.Execute(rest, stdout),
                "report" => ReportCommand.Execute(rest, stdout),
                "faults" => FaultsCommand.Execute(rest, stdout),
                _ => throw new UserInputException($"multirate: unknown command '{args[0]}'; expected run, replay, validate, inspect, cat, bench or tune (see multirate --help)"),
            };
        }
        catch (UserInputException ex)
        {
            stderr.WriteLine(ex.Message);
            return 2;
        }
    }
}
