using System.Globalization;
using System.Text.Json.Nodes;
using MultiRate.Cli.CommandLine.Args;
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
    public static int Execute(TrainArgs a, TextWriter stdout, IAnsiConsole console, CancellationToken cancellation)
    {
        var defaults = new TrainingOptions();
        var options = new TrainingOptions
        {
            Mode = a.Naive ? TrainingMode.Naive : a.NoContext ? TrainingMode.NoContext : TrainingMode.MultiRate,
            Epochs = a.Epochs ?? defaults.Epochs,
            BatchSize = a.Batch ?? defaults.BatchSize,
            LearningRate = a.LearningRate ?? defaults.LearningRate,
            Patience = a.Patience ?? defaults.Patience,
            Seed = a.Seed,
            ValidationFraction = a.ValidationFraction ?? defaults.ValidationFraction,
            ExtraStaleTicks = a.ExtraStale ?? 0,
            PhaseShift = !a.NoPhaseShift,
            ValidationWindow = a.ValidationFrom is double from && a.ValidationTo is double to ? (from, to) : null,
            ValidationAuto = a.ValidationAuto,
        };
        if (options.ExtraStaleTicks > 0 && options.Mode != TrainingMode.MultiRate)
        {
            throw new UserInputException("multirate train: --extra-stale applies to multi-rate training only (not with --naive or --no-context)");
        }

        var request = new TrainRequest(a.Log, a.Config, a.Rates, a.Out, options) { LogReading = a.LogReading };
        TrainingMetadata result = Run(request, a.Json ? TextWriter.Null : stdout, console, cancellation);
        if (a.Json)
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

    private static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
