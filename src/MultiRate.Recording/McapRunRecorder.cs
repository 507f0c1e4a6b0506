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
    private const long Unset = long.MinValue;
    private readonly string _path;
    private readonly OutputFile? _output;
    private readonly FaultLatchingStream? _latch;
    private readonly RecorderRing _ring;
    private readonly RecordingFile _file;
    private readonly string[] _clocks;
    private readonly bool _block;
    private readonly RecorderWriter _writer;
    private long _offsetNs;
    private long _dropped;
    private long _lastTimeNs;
    private long _events;
    private volatile bool _closed;
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
        _offsetNs = options.LogTimeOffsetNs ?? Unset;
        string action = profile.ActionClock.Name;
        _clocks = [action, .. profile.Clocks.Where(c => c.Name != action && profile.ModuleOf(c).Kind == ModuleKind.Context).Select(c => c.Name)];
        _ring = new RecorderRing(options.Capacity, profile.Action.Dimension);
        _file = new RecordingFile(stream, profile, _clocks, options);
        _writer = new RecorderWriter(_ring, _file, () => Volatile.Read(ref _offsetNs), new ChunkTimer(options.Time, options.ChunkInterval));
    }

    /// <summary>The recording's path.</summary>
    public string Path => _path;

    /// <summary>Where the file is being written until it is complete (<c>&lt;path&gt;.partial</c>, or the path itself for a device).</summary>
    public string WritePath => _output?.WritePath ?? _path;

    /// <summary>Events dropped because the ring was full (real time), or because they came after <see cref="Dispose"/>.</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

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
        if (Volatile.Read(ref _events) != 0)
        {
            throw new InvalidOperationException($"{_path}: the log-time offset must be set before the first event is recorded.");
        }

        Volatile.Write(ref _offsetNs, offsetNs);
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
    public void OnAction(long timeNs, long tick, ActionKind kind, ReadOnlySpan<float> action)
    {
        if (!TryBegin(timeNs, out long pos))
        {
            return;
        }

        ref RecorderEvent e = ref _ring.Slot(pos);
        e.Type = RecorderEventType.Action;
        e.Tick = tick;
        e.TimeNs = timeNs;
        e.Code = (int)kind;
        Span<float> values = _ring.Values(pos);
        int n = Math.Min(values.Length, action.Length);
        action[..n].CopyTo(values);
        e.Count = n;
        _ring.Publish(pos);
    }

    /// <inheritdoc />
    public void OnFastTick(in FastTickRecord record)
    {
        if (!TryBegin(record.TimeNs, out long pos))
        {
            return;
        }

        ref RecorderEvent e = ref _ring.Slot(pos);
        e.Type = RecorderEventType.FastTick;
        e.Tick = record.Tick;
        e.TimeNs = record.TimeNs;
        e.A = record.LatencyNs;
        e.B = record.DecisionNs;
        e.C = record.BudgetNs;
        e.D = record.LatentVersion;
        e.E = record.LatentAgeNs;
        e.Code = (int)record.Outcome;
        _ring.Publish(pos);
    }

    /// <inheritdoc />
    public void OnSlowTick(in SlowTickRecord record)
    {
        int clock = ClockIndex(record.Clock);
        if (clock <= 0 || !TryBegin(record.TimeNs, out long pos))
        {
            Drop(clock);
            return;
        }

        ref RecorderEvent e = ref _ring.Slot(pos);
        e.Type = RecorderEventType.SlowTick;
        e.Clock = clock;
        e.Tick = record.Tick;
        e.TimeNs = record.TimeNs;
        e.A = record.FinishedNs;
        e.B = record.LatencyNs;
        e.C = record.BudgetNs;
        e.Code = (int)record.Outcome;
        e.Count = record.RecursionSteps;
        _ring.Publish(pos);
    }

    /// <inheritdoc />
    public void OnLatentPublished(string clock, LatentSnapshot snapshot, long publishedNs)
    {
        int index = ClockIndex(clock);
        if (index <= 0 || snapshot is null || !TryBegin(publishedNs, out long pos))
        {
            Drop(index);
            return;
        }

        ref RecorderEvent e = ref _ring.Slot(pos);
        e.Type = RecorderEventType.Latent;
        e.Clock = index;
        e.TimeNs = publishedNs;
        e.Snapshot = snapshot;
        _ring.Publish(pos);
    }

    /// <inheritdoc />
    public void OnFault(in FaultRecord record)
    {
        if (!TryBegin(record.TimeNs, out long pos))
        {
            return;
        }

        ref RecorderEvent e = ref _ring.Slot(pos);
        e.Type = RecorderEventType.Fault;
        e.Tick = record.Tick;
        e.TimeNs = record.TimeNs;
        e.Code = (int)record.Kind;
        e.Source = record.Source;
        _ring.Publish(pos);
    }

    /// <summary>Drains the ring, writes the summary and footer, closes the file and renames it to <see cref="Path"/>.</summary>
    /// <exception cref="UserInputException">Writing failed (e.g. the disk is full): the message names the path; what was written stays in <see cref="WritePath"/>.</exception>
    public void Dispose()
    {
        if (_closed)
        {
            return;
        }

        _closed = true;
        _writer.Stop();
        Exception? fault = _writer.Fault;
        try
        {
            if (fault is null)
            {
                _file.Finish(_summary, _replay, Volatile.Read(ref _lastTimeNs), Figures());
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

    private bool TryBegin(long timeNs, out long pos)
    {
        if (_closed)
        {
            pos = -1;
            return false;
        }

        if (Volatile.Read(ref _events) == 0)
        {
            Volatile.Write(ref _events, 1);
        }

        if (Volatile.Read(ref _offsetNs) == Unset)
        {
            // Wall-clock time of tick 0, taken once from the first event: now minus its run time.
            long now = (DateTime.UtcNow - DateTime.UnixEpoch).Ticks * 100;
            Interlocked.CompareExchange(ref _offsetNs, now - timeNs, Unset);
        }

        if (timeNs > Volatile.Read(ref _lastTimeNs))
        {
            Volatile.Write(ref _lastTimeNs, timeNs);
        }

        if (_ring.TryClaim(_block, out pos))
        {
            return true;
        }

        Interlocked.Increment(ref _dropped);
        return false;
    }

    private void Drop(int clock)
    {
        // Only an unknown clock is counted here; a full ring was already counted by TryBegin.
        if (clock <= 0)
        {
            Interlocked.Increment(ref _dropped);
        }
    }

    private int ClockIndex(string name)
    {
        string[] clocks = _clocks;
        for (int i = 0; i < clocks.Length; i++)
        {
            if (ReferenceEquals(clocks[i], name) || string.Equals(clocks[i], name, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }

    private List<KeyValuePair<string, string>> Figures() =>
    [
        new("messages", _file.Messages.ToString(CultureInfo.InvariantCulture)),
        new("dropped", Dropped.ToString(CultureInfo.InvariantCulture)),
        new("ring_capacity", _ring.Capacity.ToString(CultureInfo.InvariantCulture)),
        new("block_when_full", _block ? "true" : "false"),
        new("log_time_offset_ns", Volatile.Read(ref _offsetNs).ToString(CultureInfo.InvariantCulture)),
    ];
}
