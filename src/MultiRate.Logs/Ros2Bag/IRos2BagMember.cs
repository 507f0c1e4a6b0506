using MultiRate.Logs.Abstractions;

namespace MultiRate.Logs.Ros2Bag;

/// <summary>One storage file of a bag (sqlite3 or MCAP), read through the bag's shared decoders.</summary>
internal interface IRos2BagMember
{
    /// <summary>Topics with messages in this file.</summary>
    IReadOnlyList<LogTopicInfo> Topics { get; }

    /// <summary>Decoded messages of this file in its reading order, filtered as <see cref="ISensorLog.ReadMessages"/> is.</summary>
    /// <param name="topics">Only these topics, or all when null.</param>
    /// <param name="startNs">Earliest log time.</param>
    /// <param name="endNs">Latest log time.</param>
    /// <param name="coverage">Counts what is delivered and notes damage.</param>
    IEnumerable<LogMessage> Read(IReadOnlyCollection<string>? topics, long startNs, long endNs, LogCoverageTracker coverage);
}
