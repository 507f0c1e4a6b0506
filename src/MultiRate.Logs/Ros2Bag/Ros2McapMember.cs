using MultiRate.Logs.Abstractions;
using MultiRate.Logs.Mcap;

namespace MultiRate.Logs.Ros2Bag;

/// <summary>An MCAP member of a bag, read by <see cref="McapSensorLog"/> with the bag's CDR decoding.</summary>
internal sealed class Ros2McapMember(McapSensorLog log) : IRos2BagMember
{
    public IReadOnlyList<LogTopicInfo> Topics => log.Topics;

    public IEnumerable<LogMessage> Read(IReadOnlyCollection<string>? topics, long startNs, long endNs, LogCoverageTracker coverage)
    {
        foreach (LogMessage message in log.ReadMessages(topics, startNs, endNs))
        {
            coverage.Add(message.LogTimeNs);
            yield return message;
        }

        if (log.Coverage is { Error: { } error } damage)
        {
            coverage.Stop(error, damage.StoppedAtByte ?? -1);
        }
    }
}
