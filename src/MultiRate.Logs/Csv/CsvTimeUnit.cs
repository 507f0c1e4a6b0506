namespace MultiRate.Logs.Csv;

/// <summary>Unit of a CSV file's time column.</summary>
public enum CsvTimeUnit
{
    /// <summary>Seconds (fractions allowed), the default.</summary>
    Seconds,

    /// <summary>Milliseconds.</summary>
    Milliseconds,

    /// <summary>Microseconds (PX4, many IMU loggers).</summary>
    Microseconds,

    /// <summary>Nanoseconds (ROS).</summary>
    Nanoseconds,
}
