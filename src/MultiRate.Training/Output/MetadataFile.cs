using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using MultiRate.Core.Errors;
using MultiRate.Core.IO;
using MultiRate.Training.Fitting;

namespace MultiRate.Training.Output;

/// <summary>Reads and writes <c>training.json</c> (snake_case keys, a stable scripting interface).</summary>
public static class MetadataFile
{
    /// <summary>The file name inside a weights directory.</summary>
    public const string FileName = "training.json";


    /// <summary>SHA-256 of a file, lowercase hex.</summary>
    public static string Sha256(string path) => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path)));

    /// <summary>Writes <paramref name="m"/> to <c>DIR/training.json</c>.</summary>
    public static void Write(string directory, TrainingMetadata m)
    {
        ArgumentNullException.ThrowIfNull(m);
        var o = new JsonObject
        {
            ["config"] = m.ConfigPath,
            ["config_sha256"] = m.ConfigSha256,
            ["profile"] = m.ProfilePath,
            ["profile_sha256"] = m.ProfileSha256,
            ["log"] = m.LogPath,
            ["data_start_log_ns"] = m.DataStartLogNs,
            ["data_end_log_ns"] = m.DataEndLogNs,
            ["validation_start_run_ns"] = m.ValidationStartRunNs,
            ["validation_end_run_ns"] = m.ValidationEndRunNs,
            ["split_gap_ns"] = m.GapNs,
            ["train_samples"] = m.TrainSamples,
            ["validation_samples"] = m.ValidationSamples,
            ["mode"] = ModeName(m.Options.Mode),
            ["seed"] = m.Seed,
            ["epochs_max"] = m.Options.Epochs,
            ["epochs_run"] = m.EpochsRun,
            ["best_epoch"] = m.BestEpoch,
            ["batch_size"] = m.Options.BatchSize,
            ["learning_rate"] = m.Options.LearningRate,
            ["patience"] = m.Options.Patience,
            ["validation_fraction"] = m.Options.ValidationFraction,
            ["validation_choice"] = m.Options.ValidationWindow is not null ? "window" : m.Options.ValidationAuto ? "auto" : "last",
            ["extra_stale_ticks"] = m.Options.ExtraStaleTicks,
            ["phase_shift"] = m.Options.PhaseShift && m.Options.Mode == TrainingMode.MultiRate,
            ["initial_validation_loss"] = m.InitialValidationLoss,
            ["best_validation_loss"] = m.BestValidationLoss,
            ["train_loss"] = Array(m.TrainLoss),
            ["validation_loss"] = Array(m.ValidationLoss),
            ["validation_estimate"] = new JsonObject
            {
                ["samples"] = m.Validation.Count,
                ["mse"] = Array(m.Validation.Mse),
                ["r2"] = new JsonArray([.. m.Validation.R2.Select(r => r is double d ? JsonValue.Create(d) : null)]),
                ["mean_r2"] = m.Validation.MeanR2,
                ["actions_changed"] = m.ValidationActionsChanged,
            },
            ["targets"] = new JsonArray([.. m.Targets.Select(t => JsonValue.Create(t))]),
            ["head_normalization"] = Norm(m.HeadNormalization),
            ["context_normalization"] = Norm(m.ContextNormalization),
            ["train_seconds"] = Math.Round(m.TrainSeconds, 2),
        };
        File.WriteAllText(Path.Combine(directory, FileName), Core.Json.FiniteJson.ToJsonString(o, indented: true) + "\n");
    }

    /// <summary>The fields evaluation needs from <c>DIR/training.json</c>.</summary>
    /// <exception cref="UserInputException">The directory has no readable training.json.</exception>
    public static (string Config, string ConfigSha256, string Profile, string ProfileSha256, string Log, long ValidationStartRunNs, long ValidationEndRunNs, string Mode) Read(string directory)
    {
        string path = Path.Combine(directory, FileName);
        if (!File.Exists(path))
        {
            throw new UserInputException($"{directory}: no {FileName}; expected a directory written by 'multirate train --out DIR'");
        }

        try
        {
            // Read as any input: a FIFO or a device named training.json would otherwise block or never end.
            JsonNode root = JsonNode.Parse(InputFiles.ReadText(path, "training metadata", InputFiles.ConfigCapBytes)) ?? throw new JsonException("empty document");
            string Text(string key) => (string?)root[key] ?? throw new JsonException($"missing key '{key}'");
            return (Text("config"), Text("config_sha256"), Text("profile"), Text("profile_sha256"), Text("log"),
                Long(root, "validation_start_run_ns"), Long(root, "validation_end_run_ns"), Text("mode"));
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or FormatException)
        {
            throw new UserInputException($"{path}: not a training metadata file: {ex.Message}", ex);
        }
    }

    private static long Long(JsonNode root, string key) => (long?)root[key] ?? throw new JsonException($"missing key '{key}'");

    /// <summary>The mode's name in files and on the command line.</summary>
    public static string ModeName(TrainingMode mode) => mode switch
    {
        TrainingMode.Naive => "naive",
        TrainingMode.NoContext => "no-context",
        _ => "multirate",
    };

    private static JsonArray Array(IEnumerable<double> values) =>
        new([.. values.Select(v => double.IsFinite(v) ? JsonValue.Create(v) : null)]);

    private static JsonObject Norm(Normalizer n) => new()
    {
        ["mean"] = Array(n.Mean.Select(v => (double)v)),
        ["std"] = Array(n.Std.Select(v => (double)v)),
    };
}
