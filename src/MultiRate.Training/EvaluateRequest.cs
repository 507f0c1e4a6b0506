namespace MultiRate.Training;

/// <summary>Evaluate trained weights by replay: paths left null come from the directory's <c>training.json</c>.</summary>
/// <param name="WeightsDirectory">Output directory of <c>multirate train</c>.</param>
/// <param name="LogPath">Log to replay (default: the training log).</param>
/// <param name="ConfigPath">Model config (default: the training config).</param>
/// <param name="ProfilePath">Rate profile (default: the training profile).</param>
public sealed record EvaluateRequest(string WeightsDirectory, string? LogPath = null, string? ConfigPath = null, string? ProfilePath = null)
{
    /// <summary>How the log is opened (ROS 2 message paths, a CSV file's time column and unit).</summary>
    public Logs.SensorLogOptions LogReading { get; init; } = new();
}
