using MultiRate.Remote.Client;

namespace MultiRate.Remote.Tests.Client;

public sealed class ReconnectBackoffTests
{
    private const long Ms = 1_000_000;

    [Fact]
    public void Unreachable_Repeatedly_DoublesTheWaitUpToTheCeiling()
    {
        var backoff = new ReconnectBackoff(TimeSpan.FromMilliseconds(50), TimeSpan.FromMilliseconds(300));
        long[] waits = new long[5];
        long now = 1000 * Ms;
        for (int i = 0; i < waits.Length; i++)
        {
            backoff.Unreachable(now);
            waits[i] = (backoff.NextAttemptNs - now) / Ms;
            now = backoff.NextAttemptNs;
        }

        Assert.Equal([50L, 100, 200, 300, 300], waits);
        Assert.Equal(5, backoff.Failures);
    }

    [Fact]
    public void MayTry_BeforeAndAtTheNextAttempt_RefusesThenAllows()
    {
        var backoff = new ReconnectBackoff(TimeSpan.FromMilliseconds(50), TimeSpan.FromSeconds(1));
        Assert.True(backoff.MayTry(0));
        backoff.Unreachable(10 * Ms);

        Assert.False(backoff.MayTry((60 * Ms) - 1));
        Assert.True(backoff.MayTry(60 * Ms));
    }

    [Fact]
    public void Answered_AfterFailures_StartsOverFromTheInitialWait()
    {
        var backoff = new ReconnectBackoff(TimeSpan.FromMilliseconds(50), TimeSpan.FromSeconds(1));
        backoff.Unreachable(0);
        backoff.Unreachable(50 * Ms);
        backoff.Answered();

        Assert.True(backoff.MayTry(0));
        backoff.Unreachable(500 * Ms);
        Assert.Equal(550 * Ms, backoff.NextAttemptNs);
        Assert.Equal(1, backoff.Failures);
    }
}
