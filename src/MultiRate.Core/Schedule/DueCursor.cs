namespace MultiRate.Core.Schedule;

/// <summary>
/// Which base ticks a clock is due on (<c>offset + i * divisor</c>), answered without a division
/// per base tick: the cursor keeps the next due base tick and steps it forward as the dispatcher
/// walks the base ticks in order.
/// </summary>
/// <remarks>
/// Same answers as <c>rel = b - offset; rel &gt;= 0 &amp;&amp; rel % divisor == 0 ? rel / divisor : -1</c> for any
/// sequence of queries (a jump forward or backward recomputes with one division); the fast path is
/// two compares. One thread only (the dispatcher). Allocates nothing after construction.
/// </remarks>
public sealed class DueCursor
{
    private readonly long _offset;
    private readonly long _divisor;

    // Invariant: no due base tick lies in [_from, _next); _next is due, with clock tick index _index.
    private long _from;
    private long _next;
    private long _index;

    /// <summary>A cursor for the clock due at base ticks <c>offsetTicks + i * divisor</c>, i &gt;= 0.</summary>
    /// <param name="offsetTicks">Base tick of the clock's tick 0.</param>
    /// <param name="divisor">Base ticks per clock tick (&gt; 0).</param>
    public DueCursor(long offsetTicks, long divisor)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(divisor);
        _offset = offsetTicks;
        _divisor = divisor;
        Seek(long.MinValue / 2);
    }

    /// <summary>The clock's tick index at base tick <paramref name="baseTick"/>, or -1 when it is not due.</summary>
    public long DueTick(long baseTick)
    {
        if (baseTick > _next)
        {
            if (baseTick - _next <= _divisor)
            {
                // The usual step: the dispatcher moved past the last due tick by less than a period.
                _from = _next + 1;
                _next += _divisor;
                _index++;
            }
            else
            {
                Seek(baseTick);
            }
        }
        else if (baseTick < _from)
        {
            Seek(baseTick);
        }

        return baseTick == _next ? _index : -1;
    }

    /// <summary>
    /// Number of this clock's due base ticks in the interval (<paramref name="fromBaseTick"/>,
    /// <paramref name="toBaseTick"/>), both exclusive: the periods a driver skipped whole between two
    /// ticks that ran. Stateless (the cursor does not move).
    /// </summary>
    /// <exception cref="OverflowException">The interval's arithmetic leaves the range of <see cref="long"/>
    /// (a corrupt tick index): an error, never a wrapped count.</exception>
    public long TicksBetween(long fromBaseTick, long toBaseTick)
    {
        checked
        {
            return Math.Max(0, CountUpTo(toBaseTick - 1) - CountUpTo(fromBaseTick));
        }
    }

    /// <summary>Due base ticks in [offset, <paramref name="upTo"/>].</summary>
    private long CountUpTo(long upTo) => upTo < _offset ? 0 : checked(((upTo - _offset) / _divisor) + 1);

    /// <summary>Positions the cursor on the first due base tick at or after <paramref name="baseTick"/>.</summary>
    private void Seek(long baseTick)
    {
        _from = baseTick;
        if (baseTick <= _offset)
        {
            _next = _offset;
            _index = 0;
            return;
        }

        long rel = baseTick - _offset;
        _index = rel / _divisor;
        if (_index * _divisor != rel)
        {
            _index++;
        }

        _next = _offset + (_index * _divisor);
    }
}
