using MultiRate.Logs.Abstractions;

namespace MultiRate.Logs.Ros2Bag;

/// <summary>A sqlite3 member of a bag: rows read in log-time order and decoded with the bag's decoders.</summary>
internal sealed class Ros2Db3Member(Ros2Db3File file, Ros2BagDecoders decoders, bool allowTruncated) : IRos2BagMember
{
    public IReadOnlyList<LogTopicInfo> Topics { get; } =
        [.. file.Topics.Where(t => t.Count > 0).Select(t => new LogTopicInfo(t.Name, t.Count, t.FirstNs, t.LastNs, t.Encoding, t.Type))];

    public IEnumerable<LogMessage> Read(IReadOnlyCollection<string>? topics, long startNs, long endNs, LogCoverageTracker coverage)
    {
        Dictionary<long, Ros2Db3Topic> byId = file.Topics
            .Where(t => topics is null || topics.Contains(t.Name))
            .ToDictionary(t => t.Id);
        if (byId.Count == 0)
        {
            yield break;
        }

        using IEnumerator<(long TopicId, long LogTimeNs, byte[] Data)> rows =
            file.ReadMessages(topics is null ? null : byId.Keys, startNs, endNs).GetEnumerator();
        while (true)
        {
            try
            {
                if (!rows.MoveNext())
                {
                    break;
                }
            }
            catch (LogFormatException ex) when (allowTruncated)
            {
                // Damage in the database ends the read; what came before it stands. Decoding errors are not caught.
                coverage.Stop(ex, -1);
                yield break;
            }

            (long topicId, long time, byte[] data) = rows.Current;
            Ros2Db3Topic topic = byId[topicId];
            file.Definitions.TryGetValue(topic.Type, out string? stored);
            var message = new LogMessage(time, topic.Name, decoders.Decode(file.Path, topic.Name, topic.Type, topic.Encoding, stored, time, data));
            coverage.Add(time);
            yield return message;
        }
    }
}
