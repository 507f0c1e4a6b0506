using MultiRate.Logs.Abstractions;

namespace MultiRate.Logs.ULog;

/// <summary>Running count and time range of one topic during the summary pass.</summary>
internal sealed class ULogTopicStats
{
    public ULogTopicStats(string topic, string schema)
    {
        Topic = topic;
        Schema = schema;
    }

    public string Topic { get; }

    public string Schema { get; }

    public long Count { get; private set; }

    public long FirstNs { get; private set; } = long.MaxValue;

    public long LastNs { get; private set; } = long.MinValue;

    public void Add(long timeNs)
    {
        Count++;
        FirstNs = Math.Min(FirstNs, timeNs);
        LastNs = Math.Max(LastNs, timeNs);
    }

    public LogTopicInfo ToInfo() => new(Topic, Count, FirstNs, LastNs, "ulog", Schema);
}
