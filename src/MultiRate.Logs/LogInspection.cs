using MultiRate.Logs.Abstractions;

namespace MultiRate.Logs;

/// <summary>
/// What <c>multirate inspect</c> reports about a log, found by reading every message rather than
/// trusting the index: a damaged file (a CRC mismatch, corrupt compression, a length that lies, a
/// file cut short) is an error, as in <c>cat</c> and <c>replay</c>, unless damage is allowed, and
/// the time span covers only messages that exist (an empty channel adds nothing to it).
/// </summary>
/// <param name="Format"><c>mcap</c>, <c>ulog</c> or <c>csv</c>.</param>
/// <param name="Topics">The topics as the log lists them.</param>
/// <param name="MessagesRead">Messages read (all of them unless reading stopped at damage).</param>
/// <param name="FirstNs">Earliest log time of a message read, or null when there is none.</param>
/// <param name="LastNs">Latest log time of a message read, or null when there is none.</param>
/// <param name="Coverage">Where reading stopped and why when damage was allowed and found; null otherwise.</param>
public sealed record LogInspection(string Format, IReadOnlyList<LogTopicInfo> Topics, long MessagesRead, long? FirstNs, long? LastNs, LogCoverage? Coverage)
{
    /// <summary>Seconds from the first to the last message read (0 when fewer than two).</summary>
    public double DurationSeconds => FirstNs is long f && LastNs is long l ? LogTime.SpanSeconds(f, l) : 0;

    /// <summary>How the reader interpreted the file where the format leaves a choice (a CSV file's time column and unit, rows put back in order); empty for most logs.</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    /// <summary>True when reading stopped at damage before the end (only with <c>allowTruncated</c>).</summary>
    public bool Damaged => Coverage?.Damaged == true;

    /// <summary>Opens and reads the whole log.</summary>
    /// <param name="path">The log file.</param>
    /// <param name="allowTruncated">Stop at damage and report how far reading got, instead of failing.</param>
    /// <param name="cancellation">Stops reading between messages.</param>
    /// <exception cref="Core.Errors.UserInputException">The file is missing or not a supported log.</exception>
    /// <exception cref="LogFormatException">The file is damaged (and <paramref name="allowTruncated"/> is false).</exception>
    public static LogInspection Read(string path, bool allowTruncated = false, CancellationToken cancellation = default) =>
        Read(path, new SensorLogOptions { AllowTruncated = allowTruncated }, cancellation);

    /// <summary>Opens and reads the whole log with <paramref name="options"/> (message paths, CSV time column and unit).</summary>
    /// <param name="path">The log file.</param>
    /// <param name="options">How to open it; <see cref="SensorLogOptions.AllowTruncated"/> stops at damage instead of failing.</param>
    /// <param name="cancellation">Stops reading between messages.</param>
    /// <exception cref="Core.Errors.UserInputException">The file is missing or not a supported log.</exception>
    /// <exception cref="LogFormatException">The file is damaged (and damage is not allowed).</exception>
    public static LogInspection Read(string path, SensorLogOptions options, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        bool allowTruncated = options.AllowTruncated;
        using ISensorLog log = SensorLogs.Open(path, options);
        IReadOnlyList<LogTopicInfo> topics = log.Topics;
        if (log.Format == "mcap")
        {
            return ReadMcap(path, topics, allowTruncated, cancellation);
        }

        long count = 0;
        long? first = null;
        long? last = null;
        foreach (LogMessage m in log.ReadMessages())
        {
            cancellation.ThrowIfCancellationRequested();
            count++;
            first = first is long f ? Math.Min(f, m.LogTimeNs) : m.LogTimeNs;
            last = last is long l ? Math.Max(l, m.LogTimeNs) : m.LogTimeNs;
        }

        LogCoverage? coverage = log.Coverage is { Damaged: true } c ? c : null;
        return new LogInspection(log.Format, topics, count, first, last, coverage) { Notes = NotesOf(log) };
    }

    private static string[] NotesOf(ISensorLog log)
    {
        if (log is not Csv.CsvSensorLog csv)
        {
            return [];
        }

        var notes = new List<string> { $"time column '{csv.TimeColumn}' in {csv.TimeUnitDescription}" };
        if (csv.IgnoredColumns.Count > 0)
        {
            notes.Add($"text columns left out: {string.Join(", ", csv.IgnoredColumns.Select(c => $"'{c}'"))}");
        }

        if (csv.ReorderedRows > 0)
        {
            notes.Add($"{csv.ReorderedRows} row(s) written out of time order were put back in order (window: {Csv.CsvReorderWindow<bool>.Rows} rows)");
        }

        return [.. notes];
    }

    /// <summary>
    /// MCAP: every record front to back (chunk CRCs, decompression, lengths, the summary), without
    /// decoding payloads: a message encoding this build cannot decode is still a healthy file.
    /// </summary>
    private static LogInspection ReadMcap(string path, IReadOnlyList<LogTopicInfo> topics, bool allowTruncated, CancellationToken cancellation)
    {
        using FileStream file = Mcap.McapSensorLog.OpenFile(path);
        var reader = new Mcap.McapStreamReader(file, path, new Mcap.McapReaderOptions());
        long count = 0;
        long? first = null;
        long? last = null;
        LogCoverage? coverage = null;
        try
        {
            foreach (Mcap.McapRecord record in reader.ReadRecords())
            {
                cancellation.ThrowIfCancellationRequested();
                if (record is Mcap.McapMessage m)
                {
                    long t = (long)m.LogTime; // the record parser refuses times past LogTime.MaxNs
                    count++;
                    first = first is long f ? Math.Min(f, t) : t;
                    last = last is long l ? Math.Max(l, t) : t;
                }
            }
        }
        catch (LogFormatException ex) when (allowTruncated)
        {
            coverage = new LogCoverage
            {
                Damaged = true,
                Truncated = ex.IsTruncation,
                StoppedAtByte = ex.Offset >= 0 ? ex.Offset : reader.RecordOffset,
                Reason = $"{ex.Record}: expected {ex.Expected}",
                Error = ex,
                MessagesRead = count,
                FirstMessageNs = first,
                LastMessageNs = last,
            };
        }

        return new LogInspection("mcap", topics, count, first, last, coverage);
    }
}
