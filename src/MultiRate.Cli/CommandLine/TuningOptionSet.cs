using System.CommandLine;
using MultiRate.Hosting.Tuning;

namespace MultiRate.Cli.CommandLine;

/// <summary>The measuring and recommending options <c>bench profile</c> and <c>tune</c> share.</summary>
internal sealed class TuningOptionSet
{
    public TuningOptionSet(Command command)
    {
        var bench = new ProfileBenchOptions();
        TuningPolicy policy = TuningPolicy.Default;
        Warmup = CliOptions.Whole("--warmup", "N", $"Untimed head calls before timing; each context clock runs a tenth (default {bench.WarmUp})", 0, 10_000_000);
        Samples = CliOptions.Whole("--samples", "N", $"Timed head calls; each context clock times a tenth (default {bench.Samples})", 1, 10_000_000);
        Quantile = CliOptions.Number("--quantile", "Q", FormattableString.Invariant($"Percentile of the timed calls a budget covers (default {policy.Quantile})"), 0, 100);
        Margin = CliOptions.Number("--margin", "M", FormattableString.Invariant($"Factor over that percentile for the recommended budget (default {policy.Margin})"), 1, 100);
        command.Options.Add(Warmup);
        command.Options.Add(Samples);
        command.Options.Add(Quantile);
        command.Options.Add(Margin);
    }

    public Option<int?> Warmup { get; }

    public Option<int?> Samples { get; }

    public Option<double?> Quantile { get; }

    public Option<double?> Margin { get; }
}
