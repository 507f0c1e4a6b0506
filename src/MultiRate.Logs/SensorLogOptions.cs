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

    /// <summary>CSV only: the time column's header (default: found from the header; see <see cref="Csv.CsvLogOptions.TimeColumn"/>).</summary>
    public string? TimeColumn { get; init; }

    /// <summary>CSV only: the time column's unit (default: from the header or the values; see <see cref="Csv.CsvLogOptions.TimeUnit"/>).</summary>
    public Csv.CsvTimeUnit? TimeUnit { get; init; }

    /// <summary>True when a CSV-only option is set.</summary>
    internal bool HasCsvOptions => TimeColumn is not null || TimeUnit is not null;
}
