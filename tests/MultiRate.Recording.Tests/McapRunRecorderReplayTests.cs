using System.Text.Json.Nodes;
using MultiRate.Recording.Summaries;
using MultiRate.Recording;
using MultiRate.Logs;
using MultiRate.Logs.Abstractions;
using MultiRate.Logs.Mcap;
using MultiRate.Scheduling.Stats;

namespace MultiRate.Recording.Tests;

public class McapRunRecorderReplayTests(ReplayRecordingFixture recording) : IClassFixture<ReplayRecordingFixture>
{
    private List<LogMessage> Read(string topic)
    {
        using ISensorLog log = SensorLogs.Open(recording.Path);
        return log.ReadMessages([topic]).ToList();
    }

    [Fact]
    public void Record_VirtualReplay_OneActionMessagePerEmittedAction()
    {
        List<LogMessage> actions = Read(RecordingTopics.Actions);

        Assert.Equal(recording.Summary.Actions, actions.Count);
        Assert.Equal(Enumerable.Range(0, actions.Count).Select(i => (long)i), actions.Select(m => (long)m.Data["tick"]!));
        foreach (KeyValuePair<string, long> kind in recording.Summary.ActionsByKind)
        {
            Assert.Equal(kind.Value, actions.Count(m => (string)m.Data["kind"]! == kind.Key));
        }

        Assert.All(actions, m => Assert.Equal(3, m.Data["values"]!.AsArray().Count));
    }

    [Fact]
    public void Record_VirtualReplay_OneTimingMessagePerTickOfEveryClock()
    {
        foreach (ClockSummary clock in recording.Summary.Clocks)
        {
            List<LogMessage> ticks = Read(RecordingTopics.Ticks(clock.Name));
            Assert.Equal(clock.Ticks, ticks.Count);
            Assert.Equal(clock.Misses, ticks.Count(m => (bool)m.Data["missed"]!));
            Assert.All(ticks, m => Assert.Equal(clock.BudgetUs, (double)m.Data["budget_us"]!));
        }
    }

    [Fact]
    public void Record_VirtualReplay_OneLatentMessagePerPublishedLatent()
    {
        Assert.NotEmpty(recording.Summary.LatentsPublished);
        foreach (KeyValuePair<string, long> published in recording.Summary.LatentsPublished)
        {
            List<LogMessage> latents = Read(RecordingTopics.Latents(published.Key));
            Assert.Equal(published.Value, latents.Count);
            Assert.Equal(Enumerable.Range(1, latents.Count).Select(i => (long)i), latents.Select(m => (long)m.Data["version"]!));
            Assert.All(latents, m => Assert.True((double)m.Data["l2_norm"]! > 0));
            Assert.All(latents, m => Assert.Equal(((long)m.Data["published_ns"]! - (long)m.Data["source_time_ns"]!) / 1e6, (double)m.Data["age_at_publish_ms"]!, 9));
        }
    }

    [Fact]
    public void Record_Replay_LogTimeIsRunTimePlusLogStart()
    {
        List<LogMessage> ticks = Read(RecordingTopics.Ticks("head"));

        Assert.All(ticks, m => Assert.Equal(recording.LogStartNs + (long)m.Data["time_ns"]!, m.LogTimeNs));
        Assert.Equal(recording.LogStartNs, ticks[0].LogTimeNs);
    }

    [Fact]
    public void Record_Replay_EveryMessageMatchesItsChannelsJsonSchema()
    {
        using var file = File.OpenRead(recording.Path);
        McapIndexedReader reader = McapIndexedReader.Open(file, recording.Path);
        Assert.Equal(6, reader.Schemas.Count);
        foreach (McapSchema schema in reader.Schemas.Values)
        {
            Assert.Equal("jsonschema", schema.Encoding);
            JsonSchemaCheck.AssertIsObjectSchema(schema);
        }

        long checkedMessages = 0;
        foreach (McapMessage m in reader.ReadMessages())
        {
            McapChannel channel = reader.Channels[m.ChannelId];
            Assert.Equal("json", channel.MessageEncoding);
            JsonSchemaCheck.AssertConforms(reader.Schemas[channel.SchemaId], JsonNode.Parse(m.Data.Span)!.AsObject(), channel.Topic);
            checkedMessages++;
        }

        Assert.Equal((long)reader.Statistics!.MessageCount, checkedMessages);
        Assert.Equal(recording.Recorder.Messages, checkedMessages);
        Assert.Equal(0, recording.Recorder.Dropped);
    }

    [Fact]
    public void Record_Replay_ProfileIsMetadataAndAttachment()
    {
        using var file = File.OpenRead(recording.Path);
        McapIndexedReader reader = McapIndexedReader.Open(file, recording.Path);
        var profile = reader.ReadMetadata(reader.MetadataIndexes.Single(i => i.Name == RecordingTopics.ProfileMetadata)).Metadata.ToDictionary();
        Assert.Equal("head", profile["action_clock"]);
        Assert.Equal("planner,context,head".Split(',').Order(), profile["clocks"].Split(',').Order());
        Assert.Equal("500", profile["clock.head.budget_us"]);

        var recorder = reader.ReadMetadata(reader.MetadataIndexes.Single(i => i.Name == RecordingTopics.RecorderMetadata)).Metadata.ToDictionary();
        Assert.Equal("0", recorder["dropped"]);
        Assert.Equal(recording.LogStartNs.ToString(System.Globalization.CultureInfo.InvariantCulture), recorder["log_time_offset_ns"]);

        McapAttachment yaml = reader.ReadAttachment(reader.AttachmentIndexes.Single(a => a.Name == RecordingTopics.ProfileAttachment));
        Assert.Equal(File.ReadAllBytes(RecordingTestPaths.Repo("rates/default.yaml")), yaml.Data.ToArray());
    }

    [Fact]
    public void Record_WithSummary_SummaryMessageMatchesTheRun()
    {
        JsonObject s = Read(RecordingTopics.Summary).Single().Data;

        Assert.Equal(recording.Summary.Actions, (long)s["actions"]!);
        Assert.Equal(recording.Summary.ActionsSha256, (string)s["actions_sha256"]!);
        Assert.Equal(recording.Summary.Clocks.Count, s["clocks"]!.AsArray().Count);
    }

    [Fact]
    public void Record_WithSummary_SummaryMessageIsTheOneWritersObject()
    {
        JsonObject recorded = Read(RecordingTopics.Summary).Single().Data;
        JsonObject expected = RunSummaryJson.ToJsonObject(recording.Summary);

        Assert.True(JsonNode.DeepEquals(expected, recorded), $"recorded {recorded.ToJsonString()}\nexpected {expected.ToJsonString()}");
        Assert.True(recorded.ContainsKey("guards") && recorded.ContainsKey("latent_age_ms") && recorded.ContainsKey("stopped_early"));
    }
}
