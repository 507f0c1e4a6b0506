namespace MultiRate.Recording.Tests;

/// <summary>A clock that moves only when the test says so (timestamps in milliseconds). Thread-safe.</summary>
internal sealed class ManualTime : TimeProvider
{
    private long _ms;

    public override long TimestampFrequency => 1000;

    public override long GetTimestamp() => Interlocked.Read(ref _ms);

    public void Advance(TimeSpan by) => Interlocked.Add(ref _ms, (long)by.TotalMilliseconds);
}
