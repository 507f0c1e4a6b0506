using System.CommandLine;
using MultiRate.Cli.CommandLine.Args;
using MultiRate.Cli.Commands;

namespace MultiRate.Cli.CommandLine;

/// <summary>The file commands: <c>validate</c>, <c>inspect</c>, <c>cat</c> and <c>report</c>.</summary>
internal static class LogCommands
{
    public static Command Validate(CliContext ctx)
    {
        var command = new Command(
            "validate",
            "Checks a rate profile or a model config (a file under configs/) and lists every error with its key and line; exit 0 when valid, 2 when not. " +
            "Example: multirate validate rates/franka-1khz.yaml --config configs/default.yaml");
        Argument<string?> path = CliOptions.Positional("file", "The rate profile (rates/x.yaml) or model config (configs/x.yaml) to check");
        Option<string?> config = CliOptions.Text("--config", "C", "With a rate profile: a model config to check too");
        command.Arguments.Add(path);
        command.Options.Add(config);
        CliOptions.RequireArgument(command, path, "missing profile path (e.g. rates/default.yaml)");
        command.SetAction(p => ValidateCommand.Execute(new ValidateArgs { Path = p.GetValue(path)!, Config = p.GetValue(config) }, ctx.Stdout));
        return command;
    }

    public static Command Inspect(CliContext ctx)
    {
        var command = new Command(
            "inspect",
            "Shows a log's format, time span and, per topic, message count, rate, encoding and schema. " +
            "Example: multirate inspect tests/data/px4-ulog-pyulog/sample.ulg");
        Argument<string?> path = CliOptions.Positional("log", "The log (MCAP, PX4 ULog, ROS 1 bag, ROS 2 bag folder or file, ArduPilot DataFlash .bin, or CSV)");
        Option<bool> json = CliOptions.Flag("--json", "Print one JSON object (format, start_ns, end_ns, duration_s, topics[]) instead of a table");
        Option<bool> allowTruncated = CliOptions.Flag("--allow-truncated", "Report a damaged log up to its first damage (exit 0, with how far it read) instead of exit 2");
        command.Arguments.Add(path);
        command.Options.Add(json);
        command.Options.Add(allowTruncated);
        var reading = new LogReadOptionSet(command);
        CliOptions.RequireArgument(command, path, "missing log path");
        command.SetAction(p => InspectCommand.Execute(new InspectArgs { Path = p.GetValue(path)!, Json = p.GetValue(json), AllowTruncated = p.GetValue(allowTruncated), LogReading = reading.Bind(p, p.GetValue(allowTruncated)) }, ctx.Stdout, ctx.Console));
        return command;
    }

    public static Command Cat(CliContext ctx)
    {
        var command = new Command(
            "cat",
            "Prints a topic's decoded messages, one JSON object per line: {log_time_ns, topic, data}. " +
            "Example: multirate cat tests/data/px4-ulog-pyulog/sample.ulg --topic sensor_combined/0 --limit 5");
        Argument<string?> path = CliOptions.Positional("log", "The log (MCAP, PX4 ULog, ROS 1 bag, ROS 2 bag folder or file, ArduPilot DataFlash .bin, or CSV)");
        Option<string?> topic = CliOptions.Text("--topic", "T", "The topic to print ('multirate inspect' lists them)");
        Option<long?> limit = CliOptions.Long("--limit", "N", "Print at most N messages (default: all)", 1, long.MaxValue);
        Option<bool> json = CliOptions.Flag("--json", "Accepted for symmetry with the other commands: cat always prints JSON lines");
        command.Arguments.Add(path);
        command.Options.Add(topic);
        command.Options.Add(limit);
        command.Options.Add(json);
        var reading = new LogReadOptionSet(command);
        CliOptions.RequireArgument(command, path, "missing log path");
        CliOptions.RequireOption(command, topic, "missing --topic T (see multirate inspect for the topics)");
        command.SetAction(p => CatCommand.Execute(new CatArgs { Path = p.GetValue(path)!, Topic = p.GetValue(topic)!, Limit = p.GetValue(limit), LogReading = reading.Bind(p) }, ctx.Stdout));
        return command;
    }

    public static Command Report(CliContext ctx)
    {
        var command = new Command(
            "report",
            "Writes PNG plots (latency histogram and over time against the budget, misses, latent age) and a summary.md from a --record file. " +
            "Example: multirate report run.mcap --out run-report");
        Argument<string?> path = CliOptions.Positional("recording", "The recording (.mcap written by run or replay --record)");
        Option<string?> output = CliOptions.Text("--out", "DIR", "Directory for the plots and summary.md (default: <recording>-report beside the recording)");
        command.Arguments.Add(path);
        command.Options.Add(output);
        CliOptions.RequireArgument(command, path, "missing recording (.mcap from --record)");
        command.SetAction(p => ReportCommand.Execute(new ReportArgs { Path = p.GetValue(path)!, Out = p.GetValue(output) }, ctx.Stdout));
        return command;
    }
}
