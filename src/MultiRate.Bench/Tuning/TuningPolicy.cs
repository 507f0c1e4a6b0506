using System.Globalization;

namespace MultiRate.Bench.Tuning;

/// <summary>
/// How a budget is derived from measured latencies: <c>budget = ceil(quantile latency x margin)</c>,
/// rounded up to two significant digits.
/// </summary>
/// <param name="Quantile">Percentile of the measured latencies, in (0, 100]; default 99.9 (100 = the maximum).</param>
/// <param name="Margin">Factor applied to that latency, in [1, 100]; default 1.5 (headroom for a noisier machine state than the benchmark saw).</param>
public sealed record TuningPolicy(double Quantile = TuningPolicy.DefaultQuantile, double Margin = TuningPolicy.DefaultMargin)
{
    /// <summary>Default percentile: 99.9.</summary>
    public const double DefaultQuantile = 99.9;

    /// <summary>Default margin: 1.5.</summary>
    public const double DefaultMargin = 1.5;

    /// <summary>The default policy (p99.9 x 1.5).</summary>
    public static TuningPolicy Default { get; } = new();

    /// <summary>Throws <see cref="TuningInputException"/> naming <paramref name="source"/> when the quantile or margin is out of range.</summary>
    /// <param name="source">Where the values came from (an option or a file), for the message.</param>
    public void Validate(string source)
    {
        if (!(Quantile > 0 && Quantile <= 100))
        {
            throw new TuningInputException(Inv($"{source}: quantile {Quantile}: expected a percentile in (0, 100], e.g. 99.9 (100 = the maximum)"));
        }

        if (!(Margin >= 1 && Margin <= 100))
        {
            throw new TuningInputException(Inv($"{source}: margin {Margin}: expected a factor from 1 to 100, e.g. 1.5 (the budget is the quantile times the margin)"));
        }
    }

    /// <summary>"p99.9 x 1.5".</summary>
    public override string ToString() => Inv($"p{Quantile} x {Margin}");

    private static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
