using System.Buffers.Binary;
using System.Text.Json.Nodes;
using MultiRate.Logs.Abstractions;

namespace MultiRate.Logs.ULog;

/// <summary>Everything but the data itself, collected by one streaming pass over a ULog file.</summary>
/// <remarks>Memory grows with the number of info, parameter, log-string and dropout records, not with data.</remarks>
internal sealed class ULogSummary
{
    private readonly Dictionary<string, ULogTopicStats> _topics = new(StringComparer.Ordinal);

    public Dictionary<string, JsonNode> Info { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, List<List<JsonNode>>> MultiInfo { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, double> Parameters { get; } = new(StringComparer.Ordinal);

    public List<ULogDefaultParameter> DefaultParameters { get; } = [];

    public List<ULogParameterChange> ChangedParameters { get; } = [];

    public List<ULogLoggedMessage> LoggedMessages { get; } = [];

    public List<ULogDropout> Dropouts { get; } = [];

    public ulong LastTimestampUs { get; set; }

    public long SyncCount { get; private set; }

    public long UnknownRecordCount { get; private set; }

    /// <summary>Offset where a truncated file ended, when truncation was allowed.</summary>
    public long? TruncatedAt { get; set; }

    /// <summary>Topic statistics sorted by name; call once the pass is complete.</summary>
    public IReadOnlyList<LogTopicInfo> Topics =>
        field ??= [.. _topics.Values.OrderBy(t => t.Topic, StringComparer.Ordinal).Select(t => t.ToInfo())];

    /// <summary>Read-only view of <see cref="MultiInfo"/>; call once the pass is complete.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<IReadOnlyList<JsonNode>>> MultiInfoView =>
        field ??= MultiInfo.ToDictionary(kv => kv.Key, kv => (IReadOnlyList<IReadOnlyList<JsonNode>>)[.. kv.Value], StringComparer.Ordinal);

    public void AddData(ULogSubscription subscription, long timeNs)
    {
        if (!_topics.TryGetValue(subscription.Topic, out ULogTopicStats? stats))
        {
            stats = new ULogTopicStats(subscription.Topic, subscription.Format.Name);
            _topics.Add(subscription.Topic, stats);
        }

        stats.Add(timeNs);
    }

    /// <summary>Records a non-data record; unknown record types are counted and skipped.</summary>
    public void Add(byte type, ReadOnlySpan<byte> payload, bool inDataSection, ULogRecordContext where)
    {
        switch ((char)type)
        {
            case 'I':
                var info = ULogKeyValue.Parse(payload, where.Path, where.Offset, "info record");
                Info[info.Key] = info.ToJson(where.Path, where.Offset, "info record");
                break;
            case 'M':
                where.Require(payload, 1, "multi-info record");
                AddMultiInfo(payload[0] != 0, ULogKeyValue.Parse(payload[1..], where.Path, where.Offset, "multi-info record"), where);
                break;
            case 'P':
                var param = ULogKeyValue.Parse(payload, where.Path, where.Offset, "parameter record");
                double value = param.ToNumber(where.Path, where.Offset, "parameter record");
                if (inDataSection)
                {
                    ChangedParameters.Add(new ULogParameterChange(LastTimestampUs, param.Key, value));
                }
                else
                {
                    Parameters[param.Key] = value;
                }

                break;
            case 'Q':
                where.Require(payload, 1, "default parameter record");
                var def = ULogKeyValue.Parse(payload[1..], where.Path, where.Offset, "default parameter record");
                DefaultParameters.Add(new ULogDefaultParameter(def.Key, def.ToNumber(where.Path, where.Offset, "default parameter record"), payload[0]));
                break;
            case 'L':
                where.Require(payload, 9, "logged string record");
                LoggedMessages.Add(new ULogLoggedMessage(payload[0], BinaryPrimitives.ReadUInt64LittleEndian(payload[1..]), ULogPrimitives.ReadString(payload[9..])));
                break;
            case 'C':
                where.Require(payload, 11, "tagged logged string record");
                LoggedMessages.Add(new ULogLoggedMessage(
                    payload[0],
                    BinaryPrimitives.ReadUInt64LittleEndian(payload[3..]),
                    ULogPrimitives.ReadString(payload[11..]),
                    BinaryPrimitives.ReadUInt16LittleEndian(payload[1..])));
                break;
            case 'O':
                where.Require(payload, 2, "dropout record");
                Dropouts.Add(new ULogDropout(LastTimestampUs, BinaryPrimitives.ReadUInt16LittleEndian(payload)));
                break;
            case 'S':
                SyncCount++;
                break;
            default:
                // Newer ULog versions may add record types; skipping them is what the spec asks.
                UnknownRecordCount++;
                break;
        }
    }

    private void AddMultiInfo(bool continued, ULogKeyValue kv, ULogRecordContext where)
    {
        JsonNode value = kv.ToJson(where.Path, where.Offset, "multi-info record");
        if (!MultiInfo.TryGetValue(kv.Key, out List<List<JsonNode>>? sets))
        {
            MultiInfo[kv.Key] = [[value]];
        }
        else if (continued)
        {
            sets[^1].Add(value);
        }
        else
        {
            sets.Add([value]);
        }
    }
}
