namespace MultiRate.Logs.Csv;

/// <summary>How to read a sensor CSV file. Defaults suit a file like <c>Time (s),Gyroscope X (deg/s),...</c>.</summary>
public sealed class CsvLogOptions
{
    /// <summary>
    /// Header of the time column. Default (null): found from the header, e.g. <c>time</c>,
    /// <c>Time (s)</c>, <c>#timestamp [ns]</c> (EuRoC), <c>%time</c> (<c>rostopic echo -p</c>),
    /// <c>time_ns</c>, <c>stamp</c> (the rules are in docs/logs/csv.md).
    /// </summary>
    public string? TimeColumn { get; set; }

    /// <summary>
    /// Unit of the time column. Default (null): the unit the header names (<c>[ns]</c>, <c>(s)</c>,
    /// <c>_us</c>, ...), nanoseconds for <c>%time</c>, epoch-sized integers by their size, else seconds.
    /// </summary>
    public CsvTimeUnit? TimeUnit { get; set; }

    /// <summary>
    /// Field separator. Default (null): found from the header row, the one of comma, semicolon and tab
    /// that occurs most often outside quotes (comma when none does), so the semicolon- and tab-separated
    /// files of spreadsheets in locales with a decimal comma read as they are.
    /// </summary>
    public char? Delimiter { get; set; }

    /// <summary>Topic name. Default (null): the file name without extension, e.g. <c>sensor_data</c>.</summary>
    public string? TopicName { get; set; }
}
