using MultiRate.Core.Schedule;

namespace MultiRate.Core.Tests.Schedule;

public class DueCursorTests
{
    private static long Reference(long baseTick, long offset, long divisor)
    {
        long rel = baseTick - offset;
        return rel >= 0 && rel % divisor == 0 ? rel / divisor : -1;
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(0, 10)]
    [InlineData(3, 10)]
    [InlineData(7, 1000)]
    public void DueTick_EveryBaseTickInOrder_MatchesModulo(long offset, long divisor)
    {
        var cursor = new DueCursor(offset, divisor);
        for (long b = 0; b < 5_000; b++)
        {
            // Asked twice per tick, as the dispatcher does (publish, then trigger).
            Assert.Equal(Reference(b, offset, divisor), cursor.DueTick(b));
            Assert.Equal(Reference(b, offset, divisor), cursor.DueTick(b));
        }
    }

    [Theory]
    [InlineData(0, 4, 1)]
    [InlineData(2, 10, 2)]
    [InlineData(5, 100, 3)]
    public void DueTick_JumpsForwardAndBackward_MatchesModulo(long offset, long divisor, int seed)
    {
        // Skipped periods (jumps of any size) and a restart from an earlier tick, as a replay or test may do.
        var random = new Random(seed);
        var cursor = new DueCursor(offset, divisor);
        long b = -3;
        for (int i = 0; i < 20_000; i++)
        {
            b = random.Next(10) switch
            {
                0 => b + random.Next(1, 3 * (int)divisor + 2),
                1 => Math.Max(-5, b - random.Next(1, 3 * (int)divisor + 2)),
                _ => b + 1,
            };
            Assert.Equal(Reference(b, offset, divisor), cursor.DueTick(b));
        }
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(3, 10)]
    [InlineData(7, 25)]
    public void TicksBetween_AnyInterval_CountsTheDueTicksStrictlyInside(long offset, long divisor)
    {
        var cursor = new DueCursor(offset, divisor);
        for (long from = -1; from < 120; from += 7)
        {
            for (long to = from; to < 160; to += 3)
            {
                long expected = 0;
                for (long b = from + 1; b < to; b++)
                {
                    expected += Reference(b, offset, divisor) >= 0 ? 1 : 0;
                }

                Assert.Equal(expected, cursor.TicksBetween(from, to));
            }
        }
    }

    [Fact]
    public void TicksBetween_IntervalBeyondTheRangeOfLong_ThrowsInsteadOfWrapping()
    {
        var cursor = new DueCursor(5, 1);

        Assert.Throws<OverflowException>(() => cursor.TicksBetween(long.MinValue + 1, long.MinValue));
        Assert.Throws<OverflowException>(() => new DueCursor(-10, 1).TicksBetween(0, long.MaxValue));
    }
}
