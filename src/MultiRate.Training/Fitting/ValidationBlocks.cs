using MultiRate.Core.Errors;
using MultiRate.Training.Data;

namespace MultiRate.Training.Fitting;

/// <summary>
/// Where the validation block goes, and whether its targets move enough there for R^2 to mean
/// something: the automatic choice (<see cref="TrainingOptions.ValidationAuto"/>) and the check every
/// split passes.
/// </summary>
/// <remarks>
/// Both compare, per target, its variance over the block's samples with its variance over every
/// sample of the log. A target constant over the whole log (standard deviation below
/// <see cref="Normalizer.ConstantStd"/>) is left out: its R^2 is undefined anyway (null, not in the mean).
/// R^2 divides by the block's own variance, so a target that hardly moves in the block gets an R^2
/// of -100 from an error of a tenth of its usual motion, and that one figure swamps the mean.
/// Uses the targets only, never a model: choosing a block where the targets move does not choose one
/// where a model does well.
/// </remarks>
internal static class ValidationBlocks
{
    /// <summary>A block must keep each moving target's variance above this share of the log's (its standard deviation above 10%).</summary>
    public const double MinVarianceShare = 0.01;

    /// <summary>
    /// The block of <paramref name="fraction"/> of [0, <paramref name="endNs"/>) where the targets move
    /// most, each relative to its motion over the whole log: starts every <paramref name="stepNs"/> from 0,
    /// plus the last block. Among the blocks where every target keeps at least
    /// <see cref="MinVarianceShare"/> of its variance, the one with the largest geometric mean of the
    /// targets' variance shares; when there is none, the one whose least-moving target moves most (which
    /// <see cref="CheckTargetsMove"/> then refuses, naming it). The later block on a tie.
    /// </summary>
    /// <returns>The split; the last block when no target moves over the log.</returns>
    public static TimeSplit Choose(SampleSet samples, long endNs, double fraction, long gapNs, long stepNs)
    {
        ArgumentNullException.ThrowIfNull(samples);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(stepNs);
        TimeSplit last = TimeSplit.ByTime(endNs, fraction, gapNs);
        var moments = new Moments(samples);
        long length = endNs - last.ValidationStartNs;
        var starts = new List<long>();
        for (long s = 0; s < last.ValidationStartNs; s += stepNs)
        {
            starts.Add(s);
        }

        starts.Add(last.ValidationStartNs);
        long best = last.ValidationStartNs;
        (bool Passes, double Score) bestScore = (false, double.NegativeInfinity);
        foreach (long s in starts)
        {
            (int from, int to) = Range(samples.TimesNs, s, s + length);
            double smallest = moments.SmallestShare(from, to, out _);
            if (double.IsNaN(smallest))
            {
                continue;
            }

            (bool Passes, double Score) score = smallest >= MinVarianceShare ? (true, moments.MeanLogShare(from, to)) : (false, smallest);
            if ((score.Passes && !bestScore.Passes) || (score.Passes == bestScore.Passes && score.Score >= bestScore.Score))
            {
                bestScore = score;
                best = s;
            }
        }

        return best == last.ValidationStartNs ? last : new TimeSplit(best, best + length, gapNs);
    }

    /// <summary>Refuses a split whose block holds a target that moves over the log but hardly in the block.</summary>
    /// <param name="samples">Every sample.</param>
    /// <param name="split">The split.</param>
    /// <param name="endNs">Length of the run, ns (the end of a block that runs to the end of the log).</param>
    /// <param name="targets">The targets' field paths (config order).</param>
    /// <param name="where">The config (for the message).</param>
    /// <exception cref="UserInputException">A target's variance in the block is below <see cref="MinVarianceShare"/> of the log's.</exception>
    public static void CheckTargetsMove(SampleSet samples, TimeSplit split, long endNs, IReadOnlyList<string> targets, string where)
    {
        ArgumentNullException.ThrowIfNull(samples);
        ArgumentNullException.ThrowIfNull(split);
        ArgumentNullException.ThrowIfNull(targets);
        (int from, int to) = Range(samples.TimesNs, split.ValidationStartNs, split.ValidationEndNs);
        var moments = new Moments(samples);
        if (to <= from || !(moments.SmallestShare(from, to, out int d) < MinVarianceShare))
        {
            return;
        }

        double std = Math.Sqrt(moments.Variance(d, from, to));
        double log = Math.Sqrt(moments.Variance(d, 0, samples.Count));
        string block = FormattableString.Invariant($"{split.ValidationStartNs / 1e9:F3} to {Math.Min(split.ValidationEndNs, endNs) / 1e9:F3} s");
        string spread = FormattableString.Invariant($"standard deviation {std:G3} there against {log:G3} over the log");
        throw new UserInputException(
            $"{where}: targets[{d}]: '{targets[d]}' hardly moves in the validation block {block} ({spread}, below the 10% an R^2 needs to mean something); " +
            "choose a block where every target moves: --val-auto picks one, or give it with --val-from S --val-to E");
    }

    /// <summary>Indices [from, to) of the samples with time in [startNs, endNs).</summary>
    private static (int From, int To) Range(long[] timesNs, long startNs, long endNs)
    {
        int from = LowerBound(timesNs, startNs);
        int to = endNs == long.MaxValue ? timesNs.Length : LowerBound(timesNs, endNs);
        return (from, Math.Max(from, to));
    }

    private static int LowerBound(long[] sorted, long value)
    {
        int i = Array.BinarySearch(sorted, value);
        if (i < 0)
        {
            return ~i;
        }

        while (i > 0 && sorted[i - 1] == value)
        {
            i--;
        }

        return i;
    }

    /// <summary>Prefix sums of each target and its square (double), for any block's variance in O(1).</summary>
    private sealed class Moments
    {
        private readonly int _dims;
        private readonly double[] _sum;
        private readonly double[] _square;
        private readonly double[] _logVariance;

        public Moments(SampleSet samples)
        {
            _dims = samples.TargetSize;
            _sum = new double[(samples.Count + 1) * _dims];
            _square = new double[(samples.Count + 1) * _dims];
            for (int i = 0; i < samples.Count; i++)
            {
                for (int d = 0; d < _dims; d++)
                {
                    double y = samples.Targets[(i * _dims) + d];
                    _sum[((i + 1) * _dims) + d] = _sum[(i * _dims) + d] + y;
                    _square[((i + 1) * _dims) + d] = _square[(i * _dims) + d] + (y * y);
                }
            }

            _logVariance = [.. Enumerable.Range(0, _dims).Select(d => Variance(d, 0, samples.Count))];
        }

        public double Variance(int d, int from, int to)
        {
            int n = to - from;
            if (n <= 0)
            {
                return double.NaN;
            }

            double mean = (_sum[(to * _dims) + d] - _sum[(from * _dims) + d]) / n;
            double square = (_square[(to * _dims) + d] - _square[(from * _dims) + d]) / n;
            return Math.Max(0, square - (mean * mean));
        }

        /// <summary>The mean of the logarithms of the block-to-log variance shares of the targets that move over the log (0 when none moves).</summary>
        public double MeanLogShare(int from, int to)
        {
            double sum = 0;
            int count = 0;
            for (int d = 0; d < _dims; d++)
            {
                if (_logVariance[d] >= Normalizer.ConstantStd * Normalizer.ConstantStd)
                {
                    sum += Math.Log(Variance(d, from, to) / _logVariance[d]);
                    count++;
                }
            }

            return count == 0 ? 0 : sum / count;
        }

        /// <summary>The smallest block-to-log variance share over the targets that move over the log (+inf: none moves; NaN: empty block).</summary>
        public double SmallestShare(int from, int to, out int target)
        {
            target = -1;
            if (to <= from)
            {
                return double.NaN;
            }

            double smallest = double.PositiveInfinity;
            for (int d = 0; d < _dims; d++)
            {
                if (_logVariance[d] < Normalizer.ConstantStd * Normalizer.ConstantStd)
                {
                    continue;
                }

                double share = Variance(d, from, to) / _logVariance[d];
                if (share < smallest)
                {
                    smallest = share;
                    target = d;
                }
            }

            return smallest;
        }
    }
}
