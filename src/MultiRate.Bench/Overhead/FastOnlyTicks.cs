using MultiRate.Core.Rates;

namespace MultiRate.Bench.Overhead;

/// <summary>
/// The base ticks on which only the action clock is due, in increasing order: where a single-thread
/// driver can run the fast path alone (on the others the fast thread would also hand work to a slow
/// worker thread).
/// </summary>
internal sealed class FastOnlyTicks
{
    /// <summary>Longest due pattern tabulated; beyond it the next tick is searched for.</summary>
    private const long MaxTabulatedCycle = 1_000_000;

    private readonly (long Offset, long Divisor)[] _slowClocks;
    private readonly long _fastOffset;
    private readonly long _fastDivisor;
    private readonly long[]? _pattern;
    private readonly long _hyperperiod;
    private long _cycleBase;
    private int _patternIndex;
    private long _cursor = -1;

    public FastOnlyTicks(RateProfile profile)
    {
        ClockDefinition fast = profile.ActionClock;
        _fastOffset = fast.OffsetTicks;
        _fastDivisor = profile.BaseTickHz / fast.RateHz;
        _slowClocks = [.. profile.Clocks.Where(c => c != fast).Select(c => (c.OffsetTicks, profile.BaseTickHz / c.RateHz))];

        // The due pattern repeats every lcm(divisors) base ticks from the largest offset on: tabulate one
        // cycle of fast-only ticks (when it is small) so Next picks the next one by index.
        long hyper = _fastDivisor;
        foreach ((long _, long divisor) in _slowClocks)
        {
            hyper = Lcm(hyper, divisor);
            if (hyper > MaxTabulatedCycle)
            {
                return;
            }
        }

        long start = Math.Max(_fastOffset, _slowClocks.Length == 0 ? 0 : _slowClocks.Max(c => c.Offset));
        long[] pattern = [.. Enumerable.Range(0, (int)hyper).Select(i => (long)i).Where(i => IsFastOnly(start + i))];
        if (pattern.Length > 0)
        {
            _pattern = pattern;
            _hyperperiod = hyper;
            _cycleBase = start;
        }
    }

    /// <summary>An upper bound of the base ticks the next <paramref name="fastTicks"/> calls of <see cref="Next"/> span.</summary>
    public long BaseSpan(long fastTicks) =>
        _pattern is { } pattern ? _cycleBase + (((fastTicks / pattern.Length) + 2) * _hyperperiod) : 2 * fastTicks * _fastDivisor;

    /// <summary>The next fast-only base tick.</summary>
    public long Next()
    {
        if (_pattern is { } pattern)
        {
            // Table walk, no division: the timed call should be the runtime's tick, not this driver's search.
            long b = _cycleBase + pattern[_patternIndex];
            if (++_patternIndex == pattern.Length)
            {
                _patternIndex = 0;
                _cycleBase += _hyperperiod;
            }

            return b;
        }

        do
        {
            _cursor++;
        }
        while (!IsFastOnly(_cursor));
        return _cursor;
    }

    /// <summary>True when the action clock is due at base tick <paramref name="b"/> and no slow clock is.</summary>
    public bool IsFastOnly(long b)
    {
        long rel = b - _fastOffset;
        if (rel < 0 || rel % _fastDivisor != 0)
        {
            return false;
        }

        foreach ((long offset, long divisor) in _slowClocks)
        {
            if (b >= offset && (b - offset) % divisor == 0)
            {
                return false;
            }
        }

        return true;
    }

    private static long Lcm(long a, long b)
    {
        long x = a, y = b;
        while (y != 0)
        {
            (x, y) = (y, x % y);
        }

        return a / x * b;
    }
}
