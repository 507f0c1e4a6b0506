using System.Globalization;
using System.Text.Json.Nodes;
using MultiRate.Cli.Infrastructure;
using MultiRate.Core.Errors;
using MultiRate.Training;
using MultiRate.Training.Fitting;
using MultiRate.Training.Output;
using Spectre.Console;

namespace MultiRate.Cli.Commands;

/// <summary>
/// <c>multirate train --log L --config C --rates R --out DIR</c>: behaviour cloning for the schedule
/// the policy will run (<c>--naive</c>: fresh latent every tick; <c>--no-context</c>: fast-only head).
/// </summary>
internal static class TrainCommand
{
    private static readonly string[] Flags = ["naive", "no-context", "json"];
    private static readonly string[] Valued = ["log", "config", "rates", "out", "epochs", "batch", "lr", "patience", "seed", "val-fraction", "val-from", "val-to", "extra-stale"];

    public static int Execute(IReadOnlyList<string> args, TextWriter stdout, IAnsiConsole console, CancellationToken cancellation)
    {
        CliArgs a = CliArgs.Parse("train", args, Flags, Valued);
        if (a.Positionals.Count > 0)
        {
            throw new UserInputException($"multirate train: unexpected argument '{a.Positionals[0]}'");
        }

        string Required(string name) => a.Get(name) ?? throw new UserInputException($"multirate train: missing --{name}; usage: multirate train --log L --config C --rates R --out DIR");
        if (a.Has("naive") && a.Has("no-context"))
        {
            throw new UserInputException("multirate train: choose one of --naive and --no-context");
        }

        var defaults = new TrainingOptions();
        var options = new TrainingOptions
        {
            Mode = a.Has("naive") ? TrainingMode.Naive : a.Has("no-context") ? TrainingMode.NoContext : TrainingMode.MultiRate,
            Epochs = Int(a, "epochs", 1, 100_000) ?? defaults.Epochs,
            BatchSize = Int(a, "batch", 1, 1 << 20) ?? defaults.BatchSize,
            LearningRate = a.GetDouble("lr", 1e-9, 10) ?? defaults.LearningRate,
            Patience = Int(a, "patience", 1, 100_000) ?? defaults.Patience,
            Seed = Int(a, "seed", int.MinValue, int.MaxValue),
            ValidationFraction = a.GetDouble("val-fraction", 0.01, 0.9) ?? defaults.ValidationFraction,
            ExtraStaleTicks = Int(a, "extra-stale", 0, 1000) ?? 0,
            ValidationWindow = Window(a),
        };
        if (options.ExtraStaleTicks > 0 && options.Mode != TrainingMode.MultiRate)
        {
            throw new UserInputException("multirate train: --extra-stale applies to multi-rate training only (not with --naive or --no-context)");
        }

        var request = new TrainRequest(Required("log"), Required("config"), Required("rates"), Required("out"), options);
        TrainingMetadata result = Run(request, a.Has("json") ? TextWriter.Null : stdout, console, cancellation);
        if (a.Has("json"))
        {
            Json.Write(stdout, JsonNode.Parse(File.ReadAllText(Path.Combine(request.OutputDirectory, MetadataFile.FileName)))!);
        }
        else
        {
            WriteSummary(stdout, request, result);
        }

        return 0;
    }

    private static TrainingMetadata Run(TrainRequest request, TextWriter stdout, IAnsiConsole console, CancellationToken cancellation)
    {
        string mode = MetadataFile.ModeName(request.Options.Mode);
        if (!console.Profile.Capabilities.Interactive || !console.Profile.Out.IsTerminal)
        {
            // Redirected: one plain line per epoch, unwrapped (none with --json: stdout is then one JSON object).
            return PolicyTrainer.Train(request, p =>
            {
                if (p.ValidationLoss is double v)
                {
                    stdout.WriteLine(Inv($"epoch {p.Epoch}/{p.Epochs} ({mode}): train loss {p.TrainLoss:F5}, validation loss {v:F5}, best {p.BestValidationLoss:F5}"));
                }
            }, cancellation);
        }

        TrainingMetadata? result = null;
        console.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .Start(ctx =>
            {
                ProgressTask task = ctx.AddTask($"training ({mode})", maxValue: 1);
                result = PolicyTrainer.Train(request, p =>
                {
                    task.MaxValue = (double)p.Epochs * p.Batches;
                    task.Value = ((double)(p.Epoch - 1) * p.Batches) + p.Batch;
                    string best = p.BestValidationLoss is double b ? Inv($", best val {b:F4}") : string.Empty;
                    task.Description = Inv($"epoch {p.Epoch}/{p.Epochs} loss {p.TrainLoss:F4}{best}");
                }, cancellation);
                task.Value = task.MaxValue;
            });
        return result!;
    }

    private static void WriteSummary(TextWriter stdout, TrainRequest request, TrainingMetadata m)
    {
        stdout.WriteLine(Inv($"trained ({MetadataFile.ModeName(m.Options.Mode)}, seed {m.Seed}) in {m.TrainSeconds:F1} s: {m.EpochsRun} epochs, best epoch {m.BestEpoch}, validation loss {m.BestValidationLoss:F5}"));
        stdout.WriteLine(Inv($"samples: {m.TrainSamples} train, {m.ValidationSamples} validation ({m.ValidationStartRunNs / 1e9:F3} to {m.ValidationEndRunNs / 1e9:F3} s from the log's start; {m.GapNs / 1e6:F0} ms gap each side)"));
        for (int i = 0; i < m.Targets.Length; i++)
        {
            string r2 = m.Validation.R2[i] is double r ? Inv($"{r:F4}") : "n/a (constant target)";
            stdout.WriteLine(Inv($"  {m.Targets[i]}: validation MSE {m.Validation.Mse[i]:G4}, R^2 {r2} (training-time estimate)"));
        }

        stdout.WriteLine($"wrote {Path.Combine(request.OutputDirectory, "head.safetensors")}, context.safetensors and {MetadataFile.FileName}");
        stdout.WriteLine($"score it through the runtime: multirate replay --weights {request.OutputDirectory} --targets");
    }

    private static (double, double)? Window(CliArgs a)
    {
        double? from = a.GetDouble("val-from", 0, 1e7);
        double? to = a.GetDouble("val-to", 0, 1e7);
        return (from, to) switch
        {
            (null, null) => null,
            (double f, double t) when t > f => (f, t),
            _ => throw new UserInputException("multirate train: give --val-from S and --val-to E together, with S < E (seconds from the log's start)"),
        };
    }

    private static int? Int(CliArgs a, string name, int min, int max) => a.GetDouble(name, min, max) is double d
        ? d == Math.Floor(d) ? (int)d : throw new UserInputException($"multirate train: --{name} '{a.Get(name)}': expected a whole number")
        : null;

    private static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
