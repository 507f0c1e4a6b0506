using System.Globalization;
using System.Text;
using MultiRate.Core.Rates;
using MultiRate.Logs.Abstractions;
using MultiRate.Logs.Mcap;
using MultiRate.Scheduling.Stats;

namespace MultiRate.Recording;

/// <summary>
/// The MCAP side of the recorder: registers one channel per topic, writes the profile as metadata
/// and attachment, and writes each event as a JSON message with its log time.
/// </summary>
/// <remarks>Writer thread only (the constructor and <see cref="Finish"/> run on the owner's thread, before and after it).</remarks>
internal sealed class RecordingFile : IDisposable
{
    private readonly McapWriter _writer;
    private readonly RecordingSerializer _json = new();
    private readonly string[] _clocks;
    private readonly ushort _actions;
    private readonly ushort[] _ticks;
    private readonly ushort[] _latents;
    private readonly ushort _faults;
    private readonly uint[] _sequences;
    private ushort _summaryChannel;

    /// <param name="stream">Destination (owned).</param>
    /// <param name="profile">The profile of the run.</param>
    /// <param name="clocks">Clock table: index 0 is the action clock, the rest are the slow clocks.</param>
    /// <param name="options">Recorder options.</param>
    public RecordingFile(Stream stream, RateProfile profile, string[] clocks, RecorderOptions options)
    {
        _writer = new McapWriter(stream, new McapWriterOptions
        {
            Profile = string.Empty,
            Library = "MultiRate recorder",
            Compression = McapCompression.Zstd,
            ChunkSize = options.ChunkSize,
        });
        _clocks = clocks;
        _ticks = new ushort[clocks.Length];
        _latents = new ushort[clocks.Length];
        ushort actionSchema = Schema(RecordingTopics.ActionSchema, RecordingSchemas.Action);
        ushort fastSchema = Schema(RecordingTopics.FastTickSchema, RecordingSchemas.FastTick);
        ushort slowSchema = Schema(RecordingTopics.SlowTickSchema, RecordingSchemas.SlowTick);
        ushort latentSchema = Schema(RecordingTopics.LatentSchema, RecordingSchemas.Latent);
        _actions = _writer.AddChannel(actionSchema, RecordingTopics.Actions, "json", [new("clock", clocks[0])]);
        for (int i = 0; i < clocks.Length; i++)
        {
            string role = i == 0 ? "action" : "context";
            _ticks[i] = _writer.AddChannel(i == 0 ? fastSchema : slowSchema, RecordingTopics.Ticks(clocks[i]), "json", [new("clock", clocks[i]), new("role", role)]);
            if (i > 0)
            {
                _latents[i] = _writer.AddChannel(latentSchema, RecordingTopics.Latents(clocks[i]), "json", [new("clock", clocks[i])]);
            }
        }

        _faults = _writer.AddChannel(Schema(RecordingTopics.FaultSchema, RecordingSchemas.Fault), RecordingTopics.Faults, "json");
        // One per channel id: actions, ticks and latents of each clock, faults, summary (ids start at 1).
        _sequences = new uint[clocks.Length * 2 + 4];
        WriteProfile(profile, options);
    }

    /// <summary>Added to run time to get the log time (set before the first message is written).</summary>
    public long OffsetNs { get; set; }

    /// <summary>Messages written.</summary>
    public long Messages { get; private set; }

    public void Write(in RecorderEvent e, ReadOnlySpan<float> values)
    {
        switch (e.Type)
        {
            case RecorderEventType.Action:
                Message(_actions, e.TimeNs, e.TimeNs, _json.Action(in e, values[..e.Count]));
                break;
            case RecorderEventType.FastTick:
                Message(_ticks[0], e.TimeNs, e.TimeNs, _json.FastTick(in e));
                break;
            case RecorderEventType.SlowTick:
                Message(_ticks[e.Clock], e.TimeNs, e.A, _json.SlowTick(in e));
                break;
            case RecorderEventType.Latent:
                Message(_latents[e.Clock], e.TimeNs, e.Snapshot!.ProducedAtNs, _json.Latent(_clocks[e.Clock], e.Snapshot, e.TimeNs));
                break;
            case RecorderEventType.Fault:
                Message(_faults, e.TimeNs, e.TimeNs, _json.Fault(in e));
                break;
        }
    }

    /// <summary>Closes the open chunk now and flushes it to the file (see <see cref="McapWriter.FlushChunk"/>).</summary>
    public void FlushChunk() => _writer.FlushChunk();

    /// <summary>Writes the summary message, the recorder's figures and the file's summary and footer.</summary>
    public void Finish(RunSummary? summary, LogCoverage? replay, long runEndNs, IEnumerable<KeyValuePair<string, string>> recorderFigures)
    {
        if (summary is not null)
        {
            _summaryChannel = _writer.AddChannel(Schema(RecordingTopics.SummarySchema, RecordingSchemas.Summary), RecordingTopics.Summary, "json");
            Message(_summaryChannel, runEndNs, runEndNs, _json.Summary(summary, replay));
        }

        _writer.AddMetadata(RecordingTopics.RecorderMetadata, recorderFigures);
        _writer.Finish();
    }

    public void Dispose()
    {
        _json.Dispose();
        _writer.Dispose();
    }

    private ushort Schema(string name, string text) => _writer.AddSchema(name, RecordingSchemas.Encoding, Encoding.UTF8.GetBytes(text));

    private void Message(ushort channel, long runTimeNs, long publishRunTimeNs, ReadOnlySpan<byte> data)
    {
        uint sequence = _sequences[channel]++;
        _writer.WriteMessage(channel, sequence, LogTime(runTimeNs), LogTime(publishRunTimeNs), data);
        Messages++;
    }

    private ulong LogTime(long runTimeNs) => (ulong)Math.Max(0, OffsetNs + runTimeNs);

    private void WriteProfile(RateProfile profile, RecorderOptions options)
    {
        var meta = new List<KeyValuePair<string, string>>
        {
            new("name", profile.Name),
            new("source_path", profile.SourcePath ?? string.Empty),
            new("base_tick_hz", Num(profile.BaseTickHz)),
            new("action_clock", _clocks[0]),
            new("clocks", string.Join(',', _clocks)),
            new("latent.age_limit_ms", profile.Latent.AgeLimitMs.ToString(CultureInfo.InvariantCulture)),
            new("latent.on_stale", profile.Latent.OnStale.ToString()),
            new("action.dimension", Num(profile.Action.Dimension)),
            new("time_base", options.LogTimeOffsetNs is null ? "wall_clock_utc_of_tick_0" : "run_time_plus_offset"),
        };
        foreach (string name in _clocks)
        {
            ClockDefinition c = profile.Clock(name);
            meta.Add(new($"clock.{name}.rate_hz", Num(c.RateHz)));
            meta.Add(new($"clock.{name}.budget_us", Num(c.BudgetUs)));
            meta.Add(new($"clock.{name}.overrun", c.Overrun.ToString()));
        }

        _writer.AddMetadata(RecordingTopics.ProfileMetadata, meta);
        if (profile.SourcePath is string path && File.Exists(path))
        {
            ulong now = (ulong)(DateTime.UtcNow - DateTime.UnixEpoch).Ticks * 100;
            _writer.AddAttachment(RecordingTopics.ProfileAttachment, "application/yaml", now, now, File.ReadAllBytes(path));
        }
    }

    private static string Num(long v) => v.ToString(CultureInfo.InvariantCulture);
}
