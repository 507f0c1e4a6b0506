using MultiRate.Training.Fitting;

namespace MultiRate.Training;

/// <summary>One training run: the log, the model config (inputs, targets, architecture), the rate profile whose schedule calendar pairs the samples, and where to write.</summary>
/// <param name="LogPath">Sensor log (MCAP, ULog or CSV).</param>
/// <param name="ConfigPath">Model config with <c>targets</c>.</param>
/// <param name="ProfilePath">Rate profile (a slow clock, or a chain of them, handing its latent to the action clock).</param>
/// <param name="OutputDirectory">Receives <c>head.safetensors</c>, <c>context.safetensors</c> and <c>training.json</c>.</param>
/// <param name="Options">Training options.</param>
public sealed record TrainRequest(string LogPath, string ConfigPath, string ProfilePath, string OutputDirectory, TrainingOptions Options)
{
    /// <summary>How the log is opened (ROS 2 message paths, a CSV file's time column and unit).</summary>
    public Logs.SensorLogOptions LogReading { get; init; } = new();
}
