using MultiRate.Scheduling.Observation;
using MultiRate.Scheduling.Tests.Fakes;
using MultiRate.Scheduling.Tests.Faults;

namespace MultiRate.Scheduling.Tests.Resilience;

/// <summary>
/// A virtual-time replay must not depend on other threads: every slow-path continuation has to run
/// inline, on the thread advancing virtual time, at the virtual time it is due.
/// </summary>
public class SlowPathThreadingTests
{
    [Fact]
    public void Run_UnderCapturingSynchronizationContext_PostsNothingAndCompletesEveryUpdate()
    {
        // Test runners and UI threads install a synchronization context. A slow-path continuation
        // posted to it, or queued to the thread pool because it is there, runs later, at an unrelated
        // virtual time (or never): the next triggers find the runner busy and are skipped.
        var capturing = new PostCountingContext();
        SynchronizationContext? previous = SynchronizationContext.Current;
        SynchronizationContext.SetSynchronizationContext(capturing);
        try
        {
            using var h = new FaultHarness(TestProfiles.ThreeLevel(), new ScriptedContext(_ => "ok"));
            h.Run(TimeSpan.FromMilliseconds(1000));

            var ran = h.Observer.Slow.Where(s => s.Clock == "context").ToList();
            Assert.Equal(0, capturing.Posts);
            Assert.NotEmpty(ran);
            Assert.All(ran, s => Assert.Equal(SlowTickOutcome.Completed, s.Outcome));
            Assert.All(ran, s => Assert.Equal(s.TimeNs + 40_000_000, s.FinishedNs));
        }
        finally
        {
            SynchronizationContext.SetSynchronizationContext(previous);
        }
    }

    private sealed class PostCountingContext : SynchronizationContext
    {
        private int _posts;

        public int Posts => Volatile.Read(ref _posts);

        public override void Post(SendOrPostCallback d, object? state) => Interlocked.Increment(ref _posts);

        public override void Send(SendOrPostCallback d, object? state) => Interlocked.Increment(ref _posts);
    }
}
