namespace MultiRate.Logs.Csv;

/// <summary>How to read a sensor CSV file. Defaults suit a file like <c>Time (s),Gyroscope X (deg/s),...</c>.</summary>
public sealed class CsvLogOptions
{
    /// <summary>
    /// Header of the time column. Default (null): the first column whose header starts with
    /// <c>time</c> (case-insensitive), else the first whose header ends with <c>timestamp</c>.
    /// </summary>
    public string? TimeColumn { get; set; }

    /// <summary>Unit of the time column. Default: seconds.</summary>
    public CsvTimeUnit TimeUnit { get; set; } = CsvTimeUnit.Seconds;

    /// <summary>Field separator. Default: comma.</summary>
    public char Delimiter { get; set; } = ',';

    /// <summary>Topic name. Default (null): the file name without extension, e.g. <c>sensor_data</c>.</summary>
    public string? TopicName { get; set; }
}
