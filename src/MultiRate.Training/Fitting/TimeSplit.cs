namespace MultiRate.Training.Fitting;

/// <summary>
/// The train/validation split, by time: validation is one contiguous block of time
/// [<see cref="ValidationStartNs"/>, <see cref="ValidationEndNs"/>); training is every sample at
/// least <see cref="GapNs"/> away from that block on either side. Nothing is shuffled across the split.
/// </summary>
/// <remarks>
/// The gap is at least the span of data one sample's prediction can depend on (the context window,
/// plus the latent's latency and one slow period), so no training sample's inputs overlap a
/// validation target, and no validation sample's inputs hold a training target. The default block
/// is the end of the log; a block inside the log is for logs whose informative part is not at
/// the end. Times are ns from the run's tick 0.
/// </remarks>
/// <param name="ValidationStartNs">Validation samples are at or after this time...</param>
/// <param name="ValidationEndNs">...and before this one.</param>
/// <param name="GapNs">Time left out on each side of the validation block.</param>
public sealed record TimeSplit(long ValidationStartNs, long ValidationEndNs, long GapNs)
{
    /// <summary>The last <paramref name="validationFraction"/> of [0, <paramref name="endNs"/>) as validation.</summary>
    /// <param name="endNs">Length of the run, ns.</param>
    /// <param name="validationFraction">Share of the time range for validation, in (0, 1).</param>
    /// <param name="gapNs">Time left out between training and validation.</param>
    public static TimeSplit ByTime(long endNs, double validationFraction, long gapNs)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(endNs);
        ArgumentOutOfRangeException.ThrowIfNegative(gapNs);
        if (!(validationFraction > 0 && validationFraction < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(validationFraction), validationFraction, "expected a fraction in (0, 1)");
        }

        return new TimeSplit(endNs - (long)(endNs * validationFraction), long.MaxValue, gapNs);
    }

    /// <summary>True for a training sample's time.</summary>
    public bool IsTrain(long timeNs) => timeNs < ValidationStartNs - GapNs || (ValidationEndNs != long.MaxValue && timeNs >= ValidationEndNs + GapNs);

    /// <summary>True for a validation sample's time.</summary>
    public bool IsValidation(long timeNs) => timeNs >= ValidationStartNs && timeNs < ValidationEndNs;

    /// <summary>Indices of training samples (time order).</summary>
    public int[] TrainIndices(IReadOnlyList<long> timesNs) => Where(timesNs, IsTrain);

    /// <summary>Indices of validation samples (time order).</summary>
    public int[] ValidationIndices(IReadOnlyList<long> timesNs) => Where(timesNs, IsValidation);

    private static int[] Where(IReadOnlyList<long> timesNs, Func<long, bool> keep)
    {
        ArgumentNullException.ThrowIfNull(timesNs);
        var list = new List<int>();
        for (int i = 0; i < timesNs.Count; i++)
        {
            if (keep(timesNs[i]))
            {
                list.Add(i);
            }
        }

        return [.. list];
    }
}
