namespace MultiRate.Logs;

/// <summary>How <see cref="SensorLogs.Open(string, SensorLogOptions)"/> opens a log.</summary>
public sealed record SensorLogOptions
{
    /// <summary>Read a damaged log up to the damage instead of failing (see <see cref="Abstractions.ISensorLog.Coverage"/>).</summary>
    public bool AllowTruncated { get; init; }

    /// <summary>
    /// Folders with ROS 2 message definitions (<c>pkg/msg/Type.msg</c>, as in a ROS 2 install's
    /// <c>share/</c>), searched in order before the shipped common definitions, for bags that store none.
    /// </summary>
    public IReadOnlyList<string> MessagePaths { get; init; } = [];
}
