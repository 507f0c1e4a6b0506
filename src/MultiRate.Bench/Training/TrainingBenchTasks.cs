namespace MultiRate.Bench.Training;

/// <summary>
/// The benchmark's tasks: the simulated attitude plant under every shipped
/// <c>rates/sim-attitude-*.yaml</c>, the shipped PX4 sample log, and the PX4 flight of the real-log
/// collection where it is present.
/// </summary>
internal static class TrainingBenchTasks
{
    /// <summary>Name of the simulated task.</summary>
    public const string Simulated = "sim-attitude";

    /// <summary>The real-log collection's PX4 flight, relative to the collection.</summary>
    public const string RealPx4Log = "px4-ulog-sitl-position/position.ulg";

    /// <summary>The tasks to run, and a note for each one that cannot run here.</summary>
    public static (List<TrainingBenchTask> Tasks, List<(string Name, string Reason)> Skipped) Find(TrainingBenchOptions options, string simulatedLog)
    {
        string root = options.RepoRoot;
        string px4Config = Path.Combine(root, "configs", "px4-train.yaml");
        string px4Profile = Path.Combine(root, "rates", "px4-attitude-250hz.yaml");
        var tasks = new List<TrainingBenchTask>();
        var skipped = new List<(string, string)>();
        string simConfig = Path.Combine(root, "configs", "sim-attitude.yaml");
        foreach (string profile in Directory.GetFiles(Path.Combine(root, "rates"), "sim-attitude-*.yaml").Order(StringComparer.Ordinal))
        {
            tasks.Add(new TrainingBenchTask(Simulated, "simulated", simConfig, profile, simulatedLog, null));
        }

        // The sample log's controller only moves between about 2 and 6 s: validate on the manoeuvre (docs/guides/training.md).
        tasks.Add(new TrainingBenchTask("px4-sample", "real", px4Config, px4Profile, Path.Combine(root, "tests", "data", "px4-ulog-pyulog", "sample.ulg"), (4, 6)));
        string? real = options.RealLogsDirectory is { } dir ? Path.Combine(dir, RealPx4Log) : null;
        if (real is not null && File.Exists(real))
        {
            // A newer PX4: vehicle_attitude_setpoint has thrust_body[3] instead of thrust. The last 20% of this
            // flight hardly moves the yaw command, so the training chooses the block where the targets move.
            tasks.Add(new TrainingBenchTask("px4-sitl-position", "real", Path.Combine(root, "configs", "px4-train-sitl.yaml"), px4Profile, real, null, AutoValidation: true));
        }
        else
        {
            skipped.Add(("px4-sitl-position", $"the real-log collection's {RealPx4Log} is not present ({options.RealLogsDirectory ?? "no collection found"})"));
        }

        return ([.. tasks.Where(t => t.Matches(options.Tasks))], [.. skipped.Where(s => new TrainingBenchTask(s.Item1, "real", "", "", "", null).Matches(options.Tasks))]);
    }
}
