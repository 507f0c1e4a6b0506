using System.CommandLine;
using System.CommandLine.Parsing;
using MultiRate.Cli.CommandLine.Args;

namespace MultiRate.Cli.CommandLine;

/// <summary>The options <c>run</c> and <c>replay</c> share, added to one command and bound from its parse result.</summary>
internal sealed class RunOptionSet
{
    private readonly string _command;

    public RunOptionSet(Command command, string name)
    {
        _command = name;
        bool realTime = name == "run";
        Rates = CliOptions.Text("--rates", "R", "Rate profile (YAML): base tick, clocks, budgets, safe action; default rates/default.yaml");
        Config = CliOptions.Text("--config", "C", "Model config (YAML): modules, sizes, sensor source; default configs/default.yaml");
        Log = CliOptions.Text("--log", "L", "Sensor log to read (MCAP, ULog, ROS 1/2 bag, DataFlash or CSV); default: the config's source");
        Seconds = CliOptions.Number("--seconds", "N", realTime ? "How long to run, in seconds (default 5)" : "How much of the log to replay, in seconds (default: all of it)", 0.001, 1e7);
        Pace = CliOptions.Choice("--pace", realTime ? "realtime (default) or virtual: virtual time on the log's timestamps" : "virtual (default): as fast as the machine goes, deterministic; realtime: on the wall clock", 2, "realtime", "virtual", "fast");
        SpinMarginUs = CliOptions.Number("--spin-margin-us", "M", "Real time: spin-wait this many microseconds before each tick instead of sleeping (default 200)", 0, 100_000);
        FifoPriority = CliOptions.Whole("--fifo-priority", "0-99", "Real time: SCHED_FIFO priority of the action clock and the deadline watchdog (default 80 where permitted; 0: normal scheduling)", 0, 99);
        NoRealtime = CliOptions.Flag("--no-realtime", "Real time: normal scheduling, do not ask for SCHED_FIFO (same as --fifo-priority 0)");
        Json = CliOptions.Flag("--json", "Print the summary as one JSON object (stable field names; see docs/cli.md) instead of tables");
        Record = CliOptions.Text("--record", "FILE", "Record every tick, latent and fault to an MCAP file (open it in Foxglove, or with 'multirate report')");
        NoDashboard = CliOptions.Flag("--no-dashboard", "No live table or per-second line while the clocks run");
        NoWatch = CliOptions.Flag("--no-watch", "Real time: do not hot-reload the profile's budgets and policies when its file is saved");
        LogConfig = CliOptions.Text("--log-config", "F", "Serilog configuration (JSON); default configs/logging.json");
        AllowTruncated = CliOptions.Flag("--allow-truncated", "Replay a damaged (truncated or corrupt) log up to the damage instead of refusing it");
        foreach (Option o in new Option[] { Rates, Config, Log, Seconds, Pace, SpinMarginUs, FifoPriority, NoRealtime, Json, Record, NoDashboard, NoWatch, LogConfig, AllowTruncated })
        {
            command.Options.Add(o);
        }

        if (realTime)
        {
            Live = CliOptions.Text("--live", "[HOST:]PORT", "Serve the recorded channels live over the Foxglove WebSocket protocol (ws://HOST:PORT; host 127.0.0.1 unless given, 0.0.0.0 for every interface), budgets as parameters; see docs/guides/live-view.md");
            command.Options.Add(Live);
        }

        Reading = new LogReadOptionSet(command);
        command.Validators.Add(r => CheckRealTimeOptions(r, realTime));
    }

    /// <summary><c>--msg-path</c>, <c>--time-column</c>, <c>--time-unit</c>.</summary>
    public LogReadOptionSet Reading { get; }

    public Option<string?> Rates { get; }

    public Option<string?> Config { get; }

    public Option<string?> Log { get; }

    public Option<double?> Seconds { get; }

    public Option<string?> Pace { get; }

    public Option<double?> SpinMarginUs { get; }

    public Option<int?> FifoPriority { get; }

    public Option<bool> NoRealtime { get; }

    public Option<bool> Json { get; }

    public Option<string?> Record { get; }

    /// <summary><c>--live</c> (<c>run</c> only).</summary>
    public Option<string?>? Live { get; }

    public Option<bool> NoDashboard { get; }

    public Option<bool> NoWatch { get; }

    public Option<string?> LogConfig { get; }

    public Option<bool> AllowTruncated { get; }

    /// <summary>
    /// Options that contradict each other are refused rather than one silently winning: asking for
    /// SCHED_FIFO with --fifo-priority N (N > 0) and for normal scheduling with --no-realtime, or
    /// real-time scheduling (--fifo-priority, --spin-margin-us) for a virtual-time run, which has no
    /// clock thread to schedule.
    /// </summary>
    private void CheckRealTimeOptions(CommandResult r, bool realTimeByDefault)
    {
        int? fifo = ValidValue(r, FifoPriority);
        if (r.GetResult(NoRealtime) is not null && fifo is > 0)
        {
            r.AddError(FormattableString.Invariant($"--no-realtime and --fifo-priority {fifo} contradict each other: give --fifo-priority N for SCHED_FIFO, or --no-realtime (the same as --fifo-priority 0) for normal scheduling"));
        }

        string? pace = ValidValue(r, Pace);
        if (pace is null && r.GetResult(Pace) is not null)
        {
            return; // a misspelt --pace is reported by its parser; which time it meant is unknown
        }

        bool virtualTime = pace is null ? !realTimeByDefault : pace != "realtime";
        if (!virtualTime)
        {
            return;
        }

        // Only values that parsed: a value out of range is reported as such, not as misplaced.
        foreach ((Option option, bool given) in new (Option, bool)[] { (FifoPriority, fifo is not null), (SpinMarginUs, ValidValue(r, SpinMarginUs) is not null) })
        {
            if (given)
            {
                r.AddError($"{option.Name} applies in real time only, and this {_command} runs in virtual time: add --pace realtime, or leave {option.Name} out");
            }
        }
    }

    /// <summary>The option's value, or default when it is absent or did not parse (its own parser reports that).</summary>
    private static T? ValidValue<T>(CommandResult r, Option<T> option)
    {
        try
        {
            return r.GetValue(option);
        }
        catch (InvalidOperationException)
        {
            return default;
        }
    }

    public RunArgs Bind(ParseResult p) => new()
    {
        Command = _command,
        Rates = p.GetValue(Rates),
        Config = p.GetValue(Config),
        Log = p.GetValue(Log),
        Seconds = p.GetValue(Seconds),
        Pace = p.GetValue(Pace),
        SpinMarginUs = p.GetValue(SpinMarginUs),
        FifoPriority = p.GetValue(FifoPriority),
        NoRealtime = p.GetValue(NoRealtime),
        Json = p.GetValue(Json),
        Record = p.GetValue(Record),
        Live = Live is null ? null : p.GetValue(Live),
        NoDashboard = p.GetValue(NoDashboard),
        NoWatch = p.GetValue(NoWatch),
        LogConfig = p.GetValue(LogConfig),
        AllowTruncated = p.GetValue(AllowTruncated),
        LogReading = Reading.Bind(p, p.GetValue(AllowTruncated)),
    };
}
