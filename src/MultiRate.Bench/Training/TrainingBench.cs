using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using MultiRate.Core.Errors;
using MultiRate.Logs.Abstractions;
using MultiRate.Training;
using MultiRate.Training.Fitting;
using MultiRate.Training.Output;
using MultiRate.Training.Simulation;

namespace MultiRate.Bench.Training;

/// <summary>
/// <c>multirate bench training</c>: what the hierarchy is worth. For every task and every mode
/// (multi-rate-aware, naive, fast-only) and seed: train, replay the weights through the real runtime
/// (the path of <c>replay --weights DIR --targets</c>) and take the deployed mean R^2; report the
/// mean and 95% interval over seeds, each training's own estimate and the time it took.
/// </summary>
/// <remarks>
/// Sequential on the calling thread (training is CPU-bound and seeds TorchSharp's global generator).
/// The numbers come from real trainings: nothing is cached between runs.
/// </remarks>
public static class TrainingBench
{
    /// <summary>The modes, in report order, as the report names them.</summary>
    public static readonly IReadOnlyList<string> Modes = ["multirate", "naive", "fast_only"];

    /// <summary>Runs the benchmark and returns the <c>bench training --json</c> document.</summary>
    /// <param name="options">Tasks, seeds and training settings.</param>
    /// <param name="progress">One line per training (on the calling thread); null: silent.</param>
    /// <param name="cancellation">Stops after the current training; the report then holds what finished.</param>
    /// <exception cref="UserInputException">Options out of range, or a task's files are unusable.</exception>
    public static JsonObject Run(TrainingBenchOptions options, Action<string>? progress = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        Check(options);
        bool temporary = options.WorkDirectory is null;
        string work = options.WorkDirectory ?? Path.Combine(Path.GetTempPath(), "multirate-bench-training-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(work);
        try
        {
            string simLog = Path.Combine(work, "sim-attitude.mcap");
            (List<TrainingBenchTask> tasks, List<(string Name, string Reason)> skipped) = TrainingBenchTasks.Find(options, simLog);
            if (tasks.Count == 0 && skipped.Count == 0)
            {
                throw new UserInputException($"bench training: --tasks {string.Join(',', options.Tasks)} matches no task; the tasks are sim-attitude (profiles sim-attitude-*), px4-sample, px4-sitl-position");
            }

            if (tasks.Any(t => t.Kind == "simulated"))
            {
                AttitudeSimulator.Write(new AttitudeSimulationOptions { Seconds = options.SimSeconds, Seed = options.SimSeed }, simLog);
            }

            var results = new JsonArray();
            foreach (TrainingBenchTask task in tasks)
            {
                if (cancellation.IsCancellationRequested)
                {
                    break;
                }

                try
                {
                    results.Add(RunTask(task, options, work, progress, cancellation));
                }
                catch (Exception ex) when (task.Kind == "real" && ex is UserInputException or LogFormatException)
                {
                    // A real log that does not fit its config is a finding to report, not a reason to lose the other tasks.
                    skipped.Add(($"{task.Name} ({task.Profile})", ex.Message));
                    progress?.Invoke($"{task.Name} {task.Profile}: skipped: {ex.Message}");
                }
            }

            return new JsonObject
            {
                ["seeds"] = options.Seeds,
                ["epochs"] = options.Epochs,
                ["patience"] = options.Patience,
                ["learning_rate"] = options.LearningRate,
                ["sim_seconds"] = options.SimSeconds,
                ["sim_seed"] = options.SimSeed,
                ["tasks"] = results,
                ["skipped"] = new JsonArray([.. skipped.Select(s => (JsonNode)new JsonObject { ["name"] = s.Name, ["reason"] = s.Reason })]),
            };
        }
        finally
        {
            if (temporary)
            {
                Directory.Delete(work, recursive: true);
            }
        }
    }

    private static JsonObject RunTask(TrainingBenchTask task, TrainingBenchOptions options, string work, Action<string>? progress, CancellationToken cancellation)
    {
        var r2 = new JsonObject();
        var gaps = new List<double>();
        TrainingRun? first = null;
        foreach (string mode in Modes)
        {
            var runs = new JsonArray();
            var perTarget = new List<double?[]>();
            var deployed = new List<double>();
            var estimates = new List<double>();
            for (int seed = 1; seed <= options.Seeds && !cancellation.IsCancellationRequested; seed++)
            {
                TrainingRun run = TrainOnce(task, mode, seed, options, work, cancellation);
                first ??= run;
                perTarget.Add(run.DeployedTargets);
                progress?.Invoke(string.Create(CultureInfo.InvariantCulture,
                    $"{task.Name} {task.Profile} {mode} seed {seed}: deployed R^2 {run.Deployed:F4}, estimate {run.Estimate:F4}, {run.Seconds:F1} s"));
                deployed.Add(run.Deployed);
                estimates.Add(run.Estimate);
                if (mode == "naive")
                {
                    gaps.Add(run.Estimate - run.Deployed);
                }

                runs.Add(new JsonObject
                {
                    ["seed"] = seed,
                    ["deployed_r2"] = Number(run.Deployed),
                    ["estimate_r2"] = Number(run.Estimate),
                    ["train_s"] = BenchJson.Round(run.Seconds, 2),
                    ["epochs_run"] = run.Epochs,
                    ["deployed_r2_targets"] = Numbers(run.DeployedTargets),
                    ["estimate_r2_targets"] = Numbers(run.EstimateTargets),
                });
            }

            (double mean, double lo, double hi) = StudentInterval.Of(deployed);
            r2[mode] = new JsonObject
            {
                ["mean"] = Number(mean),
                ["lo"] = Number(lo),
                ["hi"] = Number(hi),
                ["estimate_mean"] = Number(estimates.Count == 0 ? double.NaN : estimates.Average()),
                ["targets_mean"] = Numbers(TargetMeans(perTarget)),
                ["runs"] = runs,
            };
        }

        return new JsonObject
        {
            ["name"] = task.Name,
            ["profile"] = task.Profile,
            ["kind"] = task.Kind,
            ["log"] = task.Kind == "simulated" ? $"simulated ({options.SimSeconds} s, seed {options.SimSeed})" : Path.GetFileName(task.LogPath),
            ["seeds"] = options.Seeds,
            ["targets"] = new JsonArray([.. (first?.Targets ?? []).Select(t => JsonValue.Create(t))]),
            ["validation"] = new JsonObject
            {
                ["choice"] = task.ValidationChoice,
                ["start_s"] = first is null ? null : BenchJson.Round(first.Value.ValidationStartNs / 1e9, 3),
                ["end_s"] = first is null ? null : BenchJson.Round(first.Value.ValidationEndNs / 1e9, 3),
            },
            ["r2"] = r2,
            ["naive_estimate_gap"] = Number(gaps.Count == 0 ? double.NaN : gaps.Average()),
        };
    }

    private static TrainingRun TrainOnce(TrainingBenchTask task, string mode, int seed, TrainingBenchOptions options, string work, CancellationToken cancellation)
    {
        string directory = Path.Combine(work, $"{task.Name}-{task.Profile}", $"{mode}-s{seed}");
        var training = new TrainingOptions
        {
            Mode = mode switch { "naive" => TrainingMode.Naive, "fast_only" => TrainingMode.NoContext, _ => TrainingMode.MultiRate },
            Epochs = options.Epochs,
            Patience = options.Patience,
            LearningRate = options.LearningRate,
            Seed = seed,
            ValidationWindow = task.Validation,
            ValidationAuto = task.AutoValidation,
        };
        var clock = Stopwatch.StartNew();
        TrainingMetadata meta = PolicyTrainer.Train(new TrainRequest(task.LogPath, task.ConfigPath, task.ProfilePath, directory, training), null, cancellation);
        double seconds = clock.Elapsed.TotalSeconds;
        RegressionMetrics deployed = PolicyEvaluator.Evaluate(new EvaluateRequest(directory), cancellation).Validation;
        return new TrainingRun(deployed.MeanR2 ?? double.NaN, meta.Validation.MeanR2 ?? double.NaN, seconds, meta.EpochsRun)
        {
            DeployedTargets = deployed.R2,
            EstimateTargets = meta.Validation.R2,
            Targets = meta.Targets,
            ValidationStartNs = meta.ValidationStartRunNs,
            ValidationEndNs = meta.ValidationEndRunNs,
        };
    }

    // Per target, the mean over seeds of the deployed R^2 (null where a seed's is undefined: a constant target).
    private static double?[] TargetMeans(List<double?[]> runs) =>
        runs.Count == 0 ? [] : [.. Enumerable.Range(0, runs[0].Length).Select(d => runs.All(r => r[d].HasValue) ? runs.Average(r => r[d]!.Value) : (double?)null)];

    private static JsonArray Numbers(IEnumerable<double?> values) => new([.. values.Select(v => Number(v ?? double.NaN))]);

    // JSON has no NaN: an undefined figure (no seed ran, or a constant target) is null.
    private static JsonNode? Number(double v) => double.IsFinite(v) ? JsonValue.Create(Math.Round(v, 4)) : null;

    private static void Check(TrainingBenchOptions o)
    {
        var problems = new List<string>();
        if (o.Seeds is < 1 or > 100)
        {
            problems.Add($"--seeds must be in [1, 100] (got {o.Seeds})");
        }

        if (o.Epochs < 1)
        {
            problems.Add($"--epochs must be >= 1 (got {o.Epochs})");
        }

        if (!Directory.Exists(Path.Combine(o.RepoRoot, "rates")) || !Directory.Exists(Path.Combine(o.RepoRoot, "configs")))
        {
            problems.Add($"{o.RepoRoot}: not a MultiRate checkout (no rates/ and configs/ folders)");
        }

        if (problems.Count > 0)
        {
            throw new UserInputException("bench training: " + string.Join("; ", problems));
        }
    }

    private readonly record struct TrainingRun(double Deployed, double Estimate, double Seconds, int Epochs)
    {
        public required double?[] DeployedTargets { get; init; }

        public required double?[] EstimateTargets { get; init; }

        public required string[] Targets { get; init; }

        public long ValidationStartNs { get; init; }

        public long ValidationEndNs { get; init; }
    }
}
