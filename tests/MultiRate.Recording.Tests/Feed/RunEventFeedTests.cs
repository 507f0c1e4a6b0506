using System.Text.Json.Nodes;
using MultiRate.Core.Latent;
using MultiRate.Core.Sensors;
using MultiRate.Recording.Feed;

namespace MultiRate.Recording.Tests.Feed;

public class RunEventFeedTests
{
    [Fact]
    public void Channels_DefaultProfile_TheRecordingsTopicsAndSchemas()
    {
        using var feed = new RunEventFeed(RecorderTestProfile.Default);

        Assert.Equal(
            [RecordingTopics.Actions, RecordingTopics.Ticks("head"), RecordingTopics.Ticks("planner"), RecordingTopics.Latents("planner"), RecordingTopics.Ticks("context"), RecordingTopics.Latents("context"), RecordingTopics.Faults],
            feed.Channels.Select(c => c.Topic));
        Assert.Equal(Enumerable.Range(0, feed.Channels.Count), feed.Channels.Select(c => c.Index));
        Assert.Equal(RecordingSchemas.FastTick, feed.Channels[1].Schema);
        Assert.Equal(RecordingSchemas.SlowTick, feed.Channels[2].Schema);
    }

    [Fact]
    public void TryRead_EventsOfEveryKind_InOrderOnTheirChannelsAndConformingToTheirSchemas()
    {
        using var feed = new RunEventFeed(RecorderTestProfile.Default);
        float[] action = new float[3];
        LatentSnapshot latent = RecorderTestProfile.Latent();
        for (long i = 0; i < 200; i++)
        {
            RecorderTestProfile.Tick(feed, i, action, latent);
        }

        var counts = new int[feed.Channels.Count];
        long lastTime = 0;
        while (feed.TryRead(out int channel, out long logTimeNs, out ReadOnlySpan<byte> json))
        {
            FeedChannel c = feed.Channels[channel];
            JsonObject message = JsonNode.Parse(json)!.AsObject();
            List<string> errors = JsonSchemaValidator.Errors(JsonNode.Parse(c.Schema)!.AsObject(), message);
            Assert.True(errors.Count == 0, $"{c.Topic}: {string.Join("; ", errors)}");
            Assert.True(logTimeNs >= lastTime, "log times follow the events' run times");
            lastTime = logTimeNs;
            counts[channel]++;
        }

        Assert.Equal([200, 200, 0, 0, 2, 2, 4], counts);
        Assert.Equal(0, feed.Dropped);
    }

    [Fact]
    public void OnAction_RingFull_DroppedAndCountedWithoutWaiting()
    {
        using var feed = new RunEventFeed(RecorderTestProfile.Default, capacity: 4);

        for (long i = 0; i < 10; i++)
        {
            feed.OnAction(i, i, ActionKind.Model, [0f, 0f, 0f]);
        }

        Assert.Equal(6, feed.Dropped);
        int read = 0;
        while (feed.TryRead(out _, out _, out ReadOnlySpan<byte> json))
        {
            Assert.Equal(read, JsonNode.Parse(json)!["tick"]!.GetValue<long>());
            read++;
        }

        Assert.Equal(4, read);
    }

    [Fact]
    public void OnLatentPublished_UnknownClock_DroppedAndCounted()
    {
        using var feed = new RunEventFeed(RecorderTestProfile.Default);

        feed.OnLatentPublished("elbow", RecorderTestProfile.Latent(), 0);

        Assert.Equal(1, feed.Dropped);
        Assert.False(feed.TryRead(out _, out _, out _));
    }

    [Fact]
    public void Events_SteadyState_AllocateNothing()
    {
        using var feed = new RunEventFeed(RecorderTestProfile.Default, capacity: 1024);
        float[] action = new float[3];
        LatentSnapshot latent = RecorderTestProfile.Latent();
        for (long i = 0; i < 2_000; i++)
        {
            RecorderTestProfile.Tick(feed, i, action, latent);
        }

        // The ring is full from here on: the producers' drop path, what a stalled consumer costs them.
        (long allocated, _) = SteadyStateAllocation.Measure(i => RecorderTestProfile.Tick(feed, i, action, latent), 20_000, firstCall: 2_000);

        Assert.Equal(0, allocated);
        Assert.True(feed.Dropped > 0);
    }
}
