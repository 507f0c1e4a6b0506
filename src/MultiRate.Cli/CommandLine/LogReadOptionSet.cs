using System.CommandLine;
using MultiRate.Logs;
using MultiRate.Logs.Csv;

namespace MultiRate.Cli.CommandLine;

/// <summary>
/// How a command opens a sensor log: <c>--msg-path</c> (ROS 2 message definitions for bags that store
/// none) and a CSV file's <c>--time-column</c> and <c>--time-unit</c>. One definition, added to every
/// command that reads a log, so the options mean the same everywhere.
/// </summary>
internal sealed class LogReadOptionSet
{
    public LogReadOptionSet(Command command)
    {
        MessagePaths = new Option<string[]>("--msg-path")
        {
            Description = "ROS 2 bags: a folder of message definitions (pkg/msg/Type.msg, as a ROS 2 install's share/), searched before the shipped common ones; repeat for more",
            HelpName = "DIR",
            AllowMultipleArgumentsPerToken = false,
            Arity = ArgumentArity.OneOrMore,
        };
        TimeColumn = CliOptions.Text("--time-column", "NAME", "CSV: the time column's header (default: found from the header: time, timestamp, '#timestamp [ns]', '%time', time_ns, ...)");
        TimeUnit = CliOptions.Choice("--time-unit", "CSV: the time column's unit (default: the unit its header names, ns for %time, epoch-sized integers by size, else s)", 4, "s", "ms", "us", "ns");
        command.Options.Add(MessagePaths);
        command.Options.Add(TimeColumn);
        command.Options.Add(TimeUnit);
    }

    public Option<string[]> MessagePaths { get; }

    public Option<string?> TimeColumn { get; }

    public Option<string?> TimeUnit { get; }

    /// <summary>The options as the log readers take them.</summary>
    public SensorLogOptions Bind(ParseResult p, bool allowTruncated = false) => new()
    {
        AllowTruncated = allowTruncated,
        MessagePaths = p.GetValue(MessagePaths) ?? [],
        TimeColumn = p.GetValue(TimeColumn),
        TimeUnit = p.GetValue(TimeUnit) switch
        {
            "s" => CsvTimeUnit.Seconds,
            "ms" => CsvTimeUnit.Milliseconds,
            "us" => CsvTimeUnit.Microseconds,
            "ns" => CsvTimeUnit.Nanoseconds,
            _ => null,
        },
    };
}
