namespace MultiRate.Recording.Feed;

/// <summary>
/// One channel of a <see cref="RunEventFeed"/>: the same topic, schema name and JSON Schema as the
/// channel a <c>--record</c> file holds (see <see cref="RecordingTopics"/>).
/// </summary>
/// <param name="Index">Position in <see cref="RunEventFeed.Channels"/>: what <see cref="RunEventFeed.TryRead"/> reports.</param>
/// <param name="Topic">The topic, e.g. <c>/multirate/ticks/head</c>.</param>
/// <param name="SchemaName">The schema name, e.g. <c>multirate.FastTick</c>.</param>
/// <param name="Schema">The channel's JSON Schema (draft 2020-12); every message is <c>json</c>-encoded.</param>
/// <param name="Clock">The clock the channel belongs to, or null (actions, faults).</param>
public sealed record FeedChannel(int Index, string Topic, string SchemaName, string Schema, string? Clock);
