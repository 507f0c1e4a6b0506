using System.CommandLine;
using System.CommandLine.Parsing;
using MultiRate.Cli.CommandLine.Args;
using MultiRate.Cli.Commands;

namespace MultiRate.Cli.CommandLine;

/// <summary><c>run</c> (real time) and <c>replay</c> (virtual time; with <c>--weights DIR --targets</c>, scoring trained weights).</summary>
internal static class RunCommands
{
    public static Command Run(CliContext ctx)
    {
        var command = new Command(
            "run",
            "Runs the policy's clocks in real time: a live table while it runs, a summary per clock at the end; a stop signal (SIGINT, SIGTERM, SIGQUIT, SIGHUP) ends on the safe action. " +
            "Example: multirate run --rates rates/franka-1khz.yaml --seconds 10 --record run.mcap");
        var options = new RunOptionSet(command, "run");
        command.SetAction(p => RunCommand.Execute(options.Bind(p), ctx.Stdout, ctx.Console, ctx.StopToken()));
        return command;
    }

    public static Command Replay(CliContext ctx)
    {
        var command = new Command(
            "replay",
            "Replays a sensor log in virtual time on its own timestamps (deterministic), or scores trained weights against the logged targets. " +
            "Examples: multirate replay --log tests/data/px4-ulog-pyulog/sample.ulg --rates rates/px4-attitude-250hz.yaml --config configs/px4-attitude.yaml --json; " +
            "multirate replay --weights model/ --targets");
        var options = new RunOptionSet(command, "replay");
        Option<string?> weights = CliOptions.Text("--weights", "DIR", "With --targets: the directory 'multirate train --out DIR' wrote");
        Option<bool> targets = CliOptions.Flag("--targets", "Score --weights against the logged targets (MSE, R^2 per target) instead of running the shipped modules");
        command.Options.Add(weights);
        command.Options.Add(targets);
        Option[] scoring = [weights, targets, options.Rates, options.Config, options.Log, options.Json, options.Reading.MessagePaths, options.Reading.TimeColumn, options.Reading.TimeUnit];
        command.Validators.Add(r => CheckScoring(r, weights, targets, scoring));
        command.SetAction(p =>
        {
            if (!p.GetValue(targets))
            {
                return RunCommand.Execute(options.Bind(p), ctx.Stdout, ctx.Console, ctx.StopToken());
            }

            var args = new EvaluateArgs
            {
                Weights = p.GetValue(weights)!,
                Log = p.GetValue(options.Log),
                Config = p.GetValue(options.Config),
                Rates = p.GetValue(options.Rates),
                Json = p.GetValue(options.Json),
                LogReading = options.Reading.Bind(p),
            };
            return EvaluateCommand.Execute(args, ctx.Stdout, ctx.Stderr, ctx.Console, ctx.StopToken());
        });
        return command;
    }

    /// <summary>Scoring takes the weights, the inputs and --json; the run's own options do not apply to it.</summary>
    private static void CheckScoring(CommandResult r, Option<string?> weights, Option<bool> targets, Option[] scoring)
    {
        bool scoringRequested = r.GetResult(targets) is not null;
        if (!scoringRequested)
        {
            if (r.GetResult(weights) is not null)
            {
                r.AddError("--weights applies with --targets only: multirate replay --weights DIR --targets");
            }

            return;
        }

        if (r.GetResult(weights) is null)
        {
            r.AddError("missing --weights DIR (a directory written by 'multirate train --out DIR')");
        }

        foreach (OptionResult given in r.Children.OfType<OptionResult>())
        {
            if (!scoring.Contains(given.Option))
            {
                r.AddError($"{given.Option.Name} does not apply with --targets (scoring takes --weights, --log, --config, --rates, --json, --msg-path, --time-column and --time-unit)");
            }
        }
    }
}
