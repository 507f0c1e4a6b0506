namespace MultiRate.Scheduling.Ledger;

/// <summary>The ledger's counts at one moment (end of run, or a dashboard sample): per clock and in total, by entry or by name.</summary>
public sealed class LedgerSnapshot
{
    private readonly string[] _clocks;
    private readonly long[,] _counts;

    internal LedgerSnapshot(string[] clocks, long[,] counts, string actionClock)
    {
        _clocks = clocks;
        ActionClock = actionClock;
        _counts = counts;
        var totals = new Dictionary<string, long>(StringComparer.Ordinal);
        var byClock = new Dictionary<string, IReadOnlyDictionary<string, long>>(StringComparer.Ordinal);
        foreach (LedgerEntry e in LedgerNames.All)
        {
            totals[LedgerNames.Name(e)] = Total(e);
        }

        for (int c = 0; c < clocks.Length; c++)
        {
            var row = new Dictionary<string, long>(StringComparer.Ordinal);
            foreach (LedgerEntry e in LedgerNames.All)
            {
                if (counts[c, (int)e] != 0)
                {
                    row[LedgerNames.Name(e)] = counts[c, (int)e];
                }
            }

            byClock[clocks[c]] = row;
        }

        Totals = totals;
        ByClock = byClock;
    }

    /// <summary>The clock names.</summary>
    public IReadOnlyList<string> Clocks => _clocks;

    /// <summary>The action clock's name.</summary>
    public string ActionClock { get; }

    /// <summary>Every entry's total, by its <see cref="LedgerNames.Name"/> (zeros included).</summary>
    public IReadOnlyDictionary<string, long> Totals { get; }

    /// <summary>Per clock, the entries counted on it by name (only those above zero).</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, long>> ByClock { get; }

    /// <summary>The total of <paramref name="entry"/> over every clock and the run-wide row.</summary>
    public long Total(LedgerEntry entry)
    {
        long sum = 0;
        for (int row = 0; row < _counts.GetLength(0); row++)
        {
            sum += _counts[row, (int)entry];
        }

        return sum;
    }

    /// <summary>The count of <paramref name="entry"/> on the clock named <paramref name="clock"/> (0 for an unknown clock).</summary>
    public long Of(LedgerEntry entry, string clock)
    {
        int i = Array.IndexOf(_clocks, clock);
        return i < 0 ? 0 : _counts[i, (int)entry];
    }
}
