using MultiRate.Logs.Abstractions;

namespace MultiRate.Logs.Tests.Replay;

/// <summary>An in-memory log that records how it was read.</summary>
internal sealed class FakeSensorLog(IReadOnlyList<LogMessage> messages) : ISensorLog
{
    public string Format => "fake";

    public string Path => "fake.log";

    public IReadOnlyList<LogTopicInfo> Topics =>
        [.. messages.GroupBy(m => m.Topic).Select(g => new LogTopicInfo(g.Key, g.Count(), g.Min(m => m.LogTimeNs), g.Max(m => m.LogTimeNs), "json", string.Empty))];

    public List<IReadOnlyCollection<string>?> Reads { get; } = [];

    public IEnumerable<LogMessage> ReadMessages(IReadOnlyCollection<string>? topics = null, long? startNs = null, long? endNs = null)
    {
        Reads.Add(topics);
        return messages.Where(m => (topics is null || topics.Contains(m.Topic))
            && (startNs is null || m.LogTimeNs >= startNs)
            && (endNs is null || m.LogTimeNs <= endNs));
    }

    public void Dispose()
    {
    }
}
