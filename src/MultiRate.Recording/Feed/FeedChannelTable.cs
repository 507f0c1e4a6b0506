namespace MultiRate.Recording.Feed;

/// <summary>The channel table of a <see cref="RunEventFeed"/>: the recorder's topics, in the recorder's order.</summary>
internal static class FeedChannelTable
{
    /// <summary>Builds the table for a clock table whose index 0 is the action clock and the rest are context clocks.</summary>
    /// <returns>The channels, each clock's tick channel, each context clock's latent channel (0 for the action clock) and the fault channel.</returns>
    public static (IReadOnlyList<FeedChannel> Channels, int[] Ticks, int[] Latents, int Faults) Build(string[] clocks)
    {
        var channels = new List<FeedChannel>
        {
            new(0, RecordingTopics.Actions, RecordingTopics.ActionSchema, RecordingSchemas.Action, clocks[0]),
        };
        int[] ticks = new int[clocks.Length];
        int[] latents = new int[clocks.Length];
        for (int i = 0; i < clocks.Length; i++)
        {
            ticks[i] = channels.Count;
            channels.Add(i == 0
                ? new(channels.Count, RecordingTopics.Ticks(clocks[i]), RecordingTopics.FastTickSchema, RecordingSchemas.FastTick, clocks[i])
                : new(channels.Count, RecordingTopics.Ticks(clocks[i]), RecordingTopics.SlowTickSchema, RecordingSchemas.SlowTick, clocks[i]));
            if (i > 0)
            {
                latents[i] = channels.Count;
                channels.Add(new(channels.Count, RecordingTopics.Latents(clocks[i]), RecordingTopics.LatentSchema, RecordingSchemas.Latent, clocks[i]));
            }
        }

        int faults = channels.Count;
        channels.Add(new(channels.Count, RecordingTopics.Faults, RecordingTopics.FaultSchema, RecordingSchemas.Fault, null));
        return (channels, ticks, latents, faults);
    }
}
