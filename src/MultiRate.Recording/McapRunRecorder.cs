using System.Globalization;
using MultiRate.Core.Errors;
using MultiRate.Core.Files;
using MultiRate.Core.Latent;
using MultiRate.Core.Rates;
using MultiRate.Core.Sensors;
using MultiRate.Logs.Abstractions;
using MultiRate.Scheduling.Observation;
using MultiRate.Scheduling.Stats;

namespace MultiRate.Recording;

/// <summary>
/// <c>--record out.mcap</c>: records every action, every tick's timing against its budget, every
/// latent published and every counted fault, as JSON channels of an MCAP file (zstd chunks) that Foxglove opens and plots.
/// </summary>
/// <remarks>
/// <para>Threads: the observer callbacks run on the fast thread, slow worker threads and the deadline
/// watchdog. Each copies its event into a preallocated ring (one compare-and-swap, no lock, no
/// allocation) and returns. A background thread serializes the events to JSON and writes MCAP.</para>
/// <para>Full ring: with <see cref="RecorderOptions.BlockWhenFull"/> (virtual time) the callback waits
/// for the writer, so nothing is lost; otherwise (real time) the event is dropped and counted in
/// <see cref="Dropped"/>.</para>
/// <para>Safety of the file: the recording is written to <c>&lt;path&gt;.partial</c> (see <see cref="OutputFile"/>)
/// and renamed to the path once its footer is written, so the path never holds a half-written file and
/// a second recorder to the same path is refused; a path that is one of the run's inputs is refused
/// before anything is written.</para>
/// <para>Durability: each chunk is flushed to the file when it closes, by size
/// (<see cref="RecorderOptions.ChunkSize"/>) or at the latest <see cref="RecorderOptions.ChunkInterval"/>
/// after its first event; after a crash the file reads up to its last complete
/// chunk (<c>McapReaderOptions.AllowTruncated</c>). <see cref="Dispose"/> drains the ring and writes
/// the summary and footer.</para>
/// <para>Log times: run time plus <see cref="RecorderOptions.LogTimeOffsetNs"/>, or the wall-clock UTC
/// time of tick 0 when that is null.</para>
/// </remarks>
public sealed class McapRunRecorder : IRunObserver, IDisposable
{
    private readonly string _path;
    private readonly OutputFile? _output;
    private readonly FaultLatchingStream? _latch;
    private readonly RunEventProducer _producer;
    private readonly RecorderRing _ring;
    private readonly RecordingFile _file;
    private readonly bool _block;
    private readonly RecorderWriter _writer;
    private RunSummary? _summary;
    private LogCoverage? _replay;

    internal McapRunRecorder(Stream stream, string path, RateProfile profile, RecorderOptions? options, OutputFile? output = null)
    {
        _output = output;
        _latch = stream as FaultLatchingStream;
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(profile);
        options ??= new RecorderOptions();
        options.Validate();
        _path = path;
        _block = options.BlockWhenFull;
        _producer = new RunEventProducer(profile, options.Capacity, _block, options.LogTimeOffsetNs);
        _ring = _producer.Ring;
        _file = new RecordingFile(stream, profile, _producer.Clocks, options);
        _writer = new RecorderWriter(_ring, _file, () => _producer.OffsetNs, new ChunkTimer(options.Time, options.ChunkInterval));
    }

    /// <summary>The recording's path.</summary>
    public string Path => _path;

    /// <summary>Where the file is being written until it is complete (<c>&lt;path&gt;.partial</c>, or the path itself for a device).</summary>
    public string WritePath => _output?.WritePath ?? _path;

    /// <summary>Events dropped because the ring was full (real time), or because they came after <see cref="Dispose"/>.</summary>
    public long Dropped => _producer.Dropped;

    /// <summary>MCAP messages written so far (exact once disposed).</summary>
    public long Messages => _file.Messages;

    /// <summary>Ring capacity in events.</summary>
    public int Capacity => _ring.Capacity;

    /// <summary>Creates the file and starts the writer thread.</summary>
    /// <param name="path">Where to write the MCAP file (replaced once the recording is complete).</param>
    /// <param name="profile">The run's profile: names the clocks and is stored in the file.</param>
    /// <param name="options">Recorder options (defaults: real time).</param>
    /// <param name="inputs">The run's input files: a path that is one of them is refused.</param>
    /// <exception cref="UserInputException">The path cannot be written, is an input, or another process is writing it.</exception>
    public static McapRunRecorder Create(string path, RateProfile profile, RecorderOptions? options = null, IEnumerable<string?>? inputs = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        OutputFile output = OutputFile.Create(path, inputs ?? [], "--record");
        try
        {
            // A write error (full disk) is kept, not thrown: the run goes on and Dispose reports it with the path.
            return new McapRunRecorder(new FaultLatchingStream(output.Stream), path, profile, options, output);
        }
        catch
        {
            output.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Sets the log-time offset (see <see cref="RecorderOptions.LogTimeOffsetNs"/>) once it is known,
    /// e.g. from <c>RunSession.Started</c> with the replayed source's start time.
    /// </summary>
    /// <exception cref="InvalidOperationException">An event was already recorded: its log time is fixed.</exception>
    public void SetLogTimeOffset(long offsetNs)
    {
        if (_producer.HasEvents)
        {
            throw new InvalidOperationException($"{_path}: the log-time offset must be set before the first event is recorded.");
        }

        _producer.OffsetNs = offsetNs;
    }

    /// <summary>Keeps the run's summary to write as <see cref="RecordingTopics.Summary"/> when disposed.</summary>
    /// <param name="summary">The run's summary.</param>
    /// <param name="replay">How much of a replayed log the run covered (written as the summary's <c>replay</c>, as in <c>--json</c>).</param>
    public void RecordSummary(RunSummary summary, LogCoverage? replay = null)
    {
        _summary = summary ?? throw new ArgumentNullException(nameof(summary));
        _replay = replay;
    }

    /// <inheritdoc />
    public void OnAction(long timeNs, long tick, ActionKind kind, ReadOnlySpan<float> action) => _producer.OnAction(timeNs, tick, kind, action);

    /// <inheritdoc />
    public void OnFastTick(in FastTickRecord record) => _producer.OnFastTick(in record);

    /// <inheritdoc />
    public void OnSlowTick(in SlowTickRecord record) => _producer.OnSlowTick(in record);

    /// <inheritdoc />
    public void OnLatentPublished(string clock, LatentSnapshot snapshot, long publishedNs) => _producer.OnLatentPublished(clock, snapshot, publishedNs);

    /// <inheritdoc />
    public void OnFault(in FaultRecord record) => _producer.OnFault(in record);

    /// <summary>Drains the ring, writes the summary and footer, closes the file and renames it to <see cref="Path"/>.</summary>
    /// <exception cref="UserInputException">Writing failed (e.g. the disk is full): the message names the path; what was written stays in <see cref="WritePath"/>.</exception>
    public void Dispose()
    {
        if (_producer.IsClosed)
        {
            return;
        }

        _producer.Close();
        _writer.Stop();
        Exception? fault = _writer.Fault;
        try
        {
            if (fault is null)
            {
                _file.Finish(_summary, _replay, _producer.LastTimeNs, Figures());
            }
        }
        catch (IOException ex)
        {
            fault = ex;
        }
        finally
        {
            try
            {
                _file.Dispose();
            }
            catch (IOException ex)
            {
                fault ??= ex;
            }
        }

        fault ??= _latch?.Fault;
        using (_output)
        {
            if (fault is not null)
            {
                throw _output is not null ? _output.Failed(fault) : new IOException($"{_path}: recording failed: {fault.Message}", fault);
            }

            _output?.Commit();
        }
    }

    /// <summary>Test hook: waits until the writer has consumed every published event.</summary>
    internal void WaitUntilDrained() => _writer.WaitUntilDrained();

    /// <summary>Test hook: chunks the writer closed because <see cref="RecorderOptions.ChunkInterval"/> ran out.</summary>
    internal long TimedChunks => _writer.TimedChunks;

    private List<KeyValuePair<string, string>> Figures() =>
    [
        new("messages", _file.Messages.ToString(CultureInfo.InvariantCulture)),
        new("dropped", Dropped.ToString(CultureInfo.InvariantCulture)),
        new("ring_capacity", _ring.Capacity.ToString(CultureInfo.InvariantCulture)),
        new("block_when_full", _block ? "true" : "false"),
        new("log_time_offset_ns", _producer.OffsetNs.ToString(CultureInfo.InvariantCulture)),
    ];
}
