using System.CommandLine;
using MultiRate.Bench.Profile;
using MultiRate.Bench.Tuning;

namespace MultiRate.Cli.CommandLine;

/// <summary>The measuring and recommending options <c>bench profile</c> and <c>tune</c> share.</summary>
internal sealed class TuningOptionSet
{
    public TuningOptionSet(Command command)
    {
        var bench = new ProfileBenchOptions();
        TuningPolicy policy = TuningPolicy.Default;
        Warmup = CliOptions.Whole("--warmup", "N", $"Action-clock periods the full-graph run runs before counting (default {bench.WarmUp})", 0, 10_000_000);
        Samples = CliOptions.Whole("--samples", "N", $"Action-clock periods counted; every clock runs at its rate meanwhile (default {bench.Samples}: p99.9 needs 10000)", 1, 10_000_000);
        Quantile = CliOptions.Number("--quantile", "Q", FormattableString.Invariant($"Percentile of the response times a budget covers (default {policy.Quantile})"), 0, 100);
        Margin = CliOptions.Number("--margin", "M", FormattableString.Invariant($"Factor over that percentile for the recommended budget (default {policy.Margin})"), 1, 100);
        FifoPriority = CliOptions.Whole("--fifo-priority", "1-99", "SCHED_FIFO priority of the action clock and the deadline watchdog while measuring, as 'run --fifo-priority' (needs CAP_SYS_NICE)", 1, 99);
        command.Options.Add(Warmup);
        command.Options.Add(Samples);
        command.Options.Add(Quantile);
        command.Options.Add(Margin);
        command.Options.Add(FifoPriority);
    }

    public Option<int?> Warmup { get; }

    public Option<int?> Samples { get; }

    public Option<double?> Quantile { get; }

    public Option<double?> Margin { get; }

    public Option<int?> FifoPriority { get; }
}
