using System.CommandLine;
using MultiRate.Cli.CommandLine.Args;
using MultiRate.Cli.Commands;
using MultiRate.Training.Fitting;

namespace MultiRate.Cli.CommandLine;

/// <summary><c>train</c>: behaviour cloning for the schedule the policy will run.</summary>
internal static class TrainCommands
{
    private const string Usage = "multirate train --log L --config C --rates R --out DIR";

    public static Command Train(CliContext ctx)
    {
        var command = new Command(
            "train",
            "Trains the policy by behaviour cloning on a log, pairing each tick with the latent the runtime would have at that tick. " +
            "Example: multirate train --log tests/data/px4-ulog-pyulog/sample.ulg --config configs/px4-train.yaml --rates rates/px4-attitude-250hz.yaml --out model/");
        var d = new TrainingOptions();
        Option<string?> log = CliOptions.Text("--log", "L", "Sensor log with the observations and the targets (MCAP, ULog, ROS 1/2 bag, DataFlash or CSV)");
        Option<string?> config = CliOptions.Text("--config", "C", "Model config (YAML) naming the inputs, the targets and the model sizes");
        Option<string?> rates = CliOptions.Text("--rates", "R", "Rate profile (YAML) whose schedule the training reproduces");
        Option<string?> output = CliOptions.Text("--out", "DIR", "Directory for head.safetensors, context.safetensors and training.json");
        Option<bool> naive = CliOptions.Flag("--naive", "Baseline: a fresh latent on every tick (the schedule is ignored)");
        Option<bool> noContext = CliOptions.Flag("--no-context", "Baseline: the fast head alone, without the context module");
        Option<bool> json = CliOptions.Flag("--json", "Print training.json as one JSON object instead of the summary lines");
        Option<int?> epochs = CliOptions.Whole("--epochs", "N", $"Most passes over the training samples (default {d.Epochs}; early stopping may end sooner)", 1, 100_000);
        Option<int?> batch = CliOptions.Whole("--batch", "N", $"Samples per optimiser step (default {d.BatchSize})", 1, 1 << 20);
        Option<double?> lr = CliOptions.Number("--lr", "X", FormattableString.Invariant($"Adam learning rate (default {d.LearningRate})"), 1e-9, 10);
        Option<int?> patience = CliOptions.Whole("--patience", "N", $"Stop after this many epochs without a better validation loss (default {d.Patience})", 1, 100_000);
        Option<int?> seed = CliOptions.Whole("--seed", "S", "Seed for the weight initialisation (with the config's seed) and the batch order (default: the config's seed)", int.MinValue, int.MaxValue);
        Option<double?> valFraction = CliOptions.Number("--val-fraction", "F", FormattableString.Invariant($"Last share of the log's time range held out for validation (default {d.ValidationFraction})"), 0.01, 0.9);
        Option<double?> valFrom = CliOptions.Number("--val-from", "S", "Validation block start, seconds from the log's start (with --val-to; instead of --val-fraction)", 0, 1e7);
        Option<double?> valTo = CliOptions.Number("--val-to", "E", "Validation block end, seconds from the log's start (with --val-from)", 0, 1e7);
        Option<bool> valAuto = CliOptions.Flag("--val-auto", "Choose the validation block (--val-fraction of the log) where the targets move most, each against its motion over the whole log (instead of the last --val-fraction)");
        Option<int?> extraStale = CliOptions.Whole("--extra-stale", "K", "Multi-rate only: pair each sample with a latent up to K slow ticks older than the schedule's (default 0: off)", 0, 1000);
        Option<bool> noPhaseShift = CliOptions.Flag("--no-phase-shift", "Multi-rate only: train on the slow clock's nominal phase only (default: a random phase per epoch, same latent ages)");
        foreach (Option o in new Option[] { log, config, rates, output, naive, noContext, json, epochs, batch, lr, patience, seed, valFraction, valFrom, valTo, valAuto, extraStale, noPhaseShift })
        {
            command.Options.Add(o);
        }

        var reading = new LogReadOptionSet(command);
        foreach ((Option o, string name) in new (Option, string)[] { (log, "--log"), (config, "--config"), (rates, "--rates"), (output, "--out") })
        {
            CliOptions.RequireOption(command, o, $"missing {name}; usage: {Usage}");
        }

        command.Validators.Add(r =>
        {
            if (r.GetResult(naive) is not null && r.GetResult(noContext) is not null)
            {
                r.AddError("choose one of --naive and --no-context");
            }

            double? from = r.GetValue(valFrom);
            double? to = r.GetValue(valTo);
            bool fromGiven = r.GetResult(valFrom) is not null;
            bool toGiven = r.GetResult(valTo) is not null;
            if (fromGiven != toGiven || (from is double f && to is double t && t <= f))
            {
                r.AddError("give --val-from S and --val-to E together, with S < E (seconds from the log's start)");
            }

            if (r.GetResult(valAuto) is not null && fromGiven)
            {
                r.AddError("choose one of --val-auto and --val-from/--val-to");
            }
        });
        command.SetAction(p => TrainCommand.Execute(
            new TrainArgs
            {
                Log = p.GetValue(log)!,
                Config = p.GetValue(config)!,
                Rates = p.GetValue(rates)!,
                Out = p.GetValue(output)!,
                Naive = p.GetValue(naive),
                NoContext = p.GetValue(noContext),
                Json = p.GetValue(json),
                Epochs = p.GetValue(epochs),
                Batch = p.GetValue(batch),
                LearningRate = p.GetValue(lr),
                Patience = p.GetValue(patience),
                Seed = p.GetValue(seed),
                ValidationFraction = p.GetValue(valFraction),
                ValidationFrom = p.GetValue(valFrom),
                ValidationTo = p.GetValue(valTo),
                ValidationAuto = p.GetValue(valAuto),
                ExtraStale = p.GetValue(extraStale),
                NoPhaseShift = p.GetValue(noPhaseShift),
                LogReading = reading.Bind(p),
            },
            ctx.Stdout,
            ctx.Console,
            ctx.StopToken()));
        return command;
    }
}
