using System.Buffers.Binary;
using MultiRate.Logs.Abstractions;

namespace MultiRate.Logs.ULog;

/// <summary>
/// One streaming pass over a ULog file: resolves formats and subscriptions, follows appended-data
/// sections, and stops at each data record. Non-data records go to an optional <see cref="ULogSummary"/>.
/// </summary>
internal sealed class ULogParser : IDisposable
{
    private const int IncompatDataAppended = 0x1;

    private readonly ULogRecordReader _reader;
    private readonly string? _path;
    private readonly ULogSummary? _summary;
    private readonly bool _allowTruncated;
    private readonly Dictionary<string, ULogFormat> _formats = new(StringComparer.Ordinal);
    private readonly Dictionary<ushort, ULogSubscription> _subscriptions = [];
    private readonly ULogFormatCompiler _compiler;
    private readonly List<long> _appendedOffsets = [];
    private int _nextAppended;
    private long _limit = long.MaxValue;
    private bool _inDataSection;
    private bool _ended;

    public ULogParser(Stream stream, string? path, bool leaveOpen, ULogSummary? summary, bool allowTruncated)
    {
        _reader = new ULogRecordReader(stream, path, leaveOpen);
        _path = path;
        _summary = summary;
        _allowTruncated = allowTruncated;
        _compiler = new ULogFormatCompiler(_formats, path);
        (Version, StartTimestampUs) = _reader.ReadFileHeader();
        if (StartTimestampUs > LogTime.MaxUs)
        {
            throw new LogFormatException(path, 8, "file header, field timestamp", LogTime.Expected(StartTimestampUs, "us"));
        }

        LastTimestampUs = StartTimestampUs;
    }

    public byte Version { get; }

    public ulong StartTimestampUs { get; }

    /// <summary>Largest data timestamp so far (starts at the header's timestamp, as pyulog does).</summary>
    public ulong LastTimestampUs { get; private set; }

    public IReadOnlyDictionary<string, ULogFormat> Formats => _formats;

    public IReadOnlyList<long> AppendedOffsets => _appendedOffsets;

    public ULogSubscription? CurrentSubscription { get; private set; }

    /// <summary>The current message's timestamp field, in microseconds.</summary>
    public ulong CurrentTimestampUs { get; private set; }

    /// <summary>
    /// Log time of the current message: its timestamp, or, when that is 0 (topics that never set
    /// it, e.g. sensor_preflight in older PX4), the latest timestamp seen so far, i.e. when it was written.
    /// </summary>
    public long CurrentLogTimeNs { get; private set; }

    /// <summary>The current data record's message bytes (after the msg_id).</summary>
    public ReadOnlySpan<byte> CurrentData => _reader.Payload[2..];

    /// <summary>Reads the definitions section only (header, flags, formats, info, parameters).</summary>
    public void ReadDefinitions()
    {
        // The first A, D, L or C record starts the data section; leave it for the data passes.
        while (NextRecord() && (char)_reader.Type is not ('A' or 'D' or 'L' or 'C'))
        {
            _ = Handle();
        }
    }

    /// <summary>The damage that ended the pass early (only when truncation is allowed), or null.</summary>
    public LogFormatException? StoppedBy { get; private set; }

    /// <summary>File offset of the record read last.</summary>
    public long RecordOffset => _reader.RecordOffset;

    /// <summary>
    /// Advances to the next data record; false at the end of the file. When truncation is allowed,
    /// any damage in the data (a cut, a corrupt record) also ends the pass, and <see cref="StoppedBy"/> says which.
    /// </summary>
    public bool MoveNext()
    {
        try
        {
            while (NextRecord())
            {
                if (Handle())
                {
                    return true;
                }
            }
        }
        catch (LogFormatException e) when (_allowTruncated)
        {
            Stop(e);
        }

        return false;
    }

    public void Dispose() => _reader.Dispose();

    private void Stop(LogFormatException e)
    {
        StoppedBy = e;
        _ended = true;
        if (_summary is not null)
        {
            _summary.TruncatedAt = e.Offset;
        }
    }

    private bool NextRecord()
    {
        while (!_ended)
        {
            try
            {
                if (_reader.MoveNext(_limit))
                {
                    return true;
                }
            }
            catch (LogFormatException e) when (e.IsTruncation && _allowTruncated)
            {
                Stop(e);
                return false;
            }

            if (_nextAppended < _appendedOffsets.Count)
            {
                _reader.JumpTo(_appendedOffsets[_nextAppended++]);
                _limit = _nextAppended < _appendedOffsets.Count ? _appendedOffsets[_nextAppended] : long.MaxValue;
                continue;
            }

            _ended = true;
        }

        return false;
    }

    /// <summary>Handles the current record; true when it is a data record.</summary>
    private bool Handle()
    {
        var where = new ULogRecordContext(_path, _reader.RecordOffset);
        ReadOnlySpan<byte> payload = _reader.Payload;
        switch ((char)_reader.Type)
        {
            case 'D':
                _inDataSection = true;
                return HandleData(payload, where);
            case 'F':
                ULogFormat format = ULogFormatParser.Parse(payload, _path, where.Offset);
                _formats[format.Name] = format;
                return false;
            case 'B':
                HandleFlags(payload, where);
                return false;
            case 'A':
                _inDataSection = true;
                HandleAdd(payload, where);
                return false;
            case 'R':
                where.Require(payload, 2, "remove-logged-message record");
                _ = _subscriptions.Remove(BinaryPrimitives.ReadUInt16LittleEndian(payload));
                return false;
            case 'L' or 'C':
                _inDataSection = true;
                break;
        }

        if (_summary is not null)
        {
            _summary.LastTimestampUs = LastTimestampUs;
            _summary.Add(_reader.Type, payload, _inDataSection, where);
        }

        return false;
    }

    private bool HandleData(ReadOnlySpan<byte> payload, ULogRecordContext where)
    {
        where.Require(payload, 2, "data record");
        ushort msgId = BinaryPrimitives.ReadUInt16LittleEndian(payload);
        if (!_subscriptions.TryGetValue(msgId, out ULogSubscription? sub))
        {
            throw new LogFormatException(_path, where.Offset, "data record", $"a msg_id announced by an add-logged-message record, got {msgId}");
        }

        int size = payload.Length - 2;
        ULogCompiledFormat format = sub.Format;
        if (size < format.MinSize || size > format.Size)
        {
            string expected = format.MinSize == format.Size ? $"{format.Size}" : $"{format.MinSize} to {format.Size}";
            throw new LogFormatException(_path, where.Offset, $"data record for '{sub.Topic}'", $"{expected} message bytes as format '{format.Name}' says, got {size}");
        }

        CurrentSubscription = sub;
        CurrentTimestampUs = BinaryPrimitives.ReadUInt64LittleEndian(payload[(2 + format.TimestampOffset)..]);
        if (CurrentTimestampUs > LogTime.MaxUs)
        {
            // Refused here, before any arithmetic: 2^64-1 us would otherwise stretch a replay over millennia.
            throw new LogFormatException(_path, where.Offset, $"data record for '{sub.Topic}', field timestamp", LogTime.Expected(CurrentTimestampUs, "us"));
        }

        LastTimestampUs = Math.Max(LastTimestampUs, CurrentTimestampUs);
        CurrentLogTimeNs = ULogTime.ToNs(CurrentTimestampUs == 0 ? LastTimestampUs : CurrentTimestampUs);
        _summary?.AddData(sub, CurrentLogTimeNs);
        return true;
    }

    private void HandleAdd(ReadOnlySpan<byte> payload, ULogRecordContext where)
    {
        where.Require(payload, 4, "add-logged-message record");
        byte multiId = payload[0];
        ushort msgId = BinaryPrimitives.ReadUInt16LittleEndian(payload[1..]);
        string name = ULogPrimitives.ReadString(payload[3..]);
        ULogCompiledFormat format = _compiler.Compile(name, where.Offset);
        if (format.TimestampOffset < 0 || format.TimestampOffset + 8 > format.MinSize)
        {
            throw new LogFormatException(_path, where.Offset, $"format '{name}'", "a top-level 'uint64_t timestamp' field");
        }

        _subscriptions[msgId] = new ULogSubscription(msgId, multiId, $"{name}/{multiId}", format);
    }

    private void HandleFlags(ReadOnlySpan<byte> payload, ULogRecordContext where)
    {
        // Only the first record may carry flags; a later one is ignored like pyulog does.
        if (where.Offset != ULogRecordReader.FileHeaderSize)
        {
            return;
        }

        where.Require(payload, 40, "flag bits record");
        if ((payload[8] & ~IncompatDataAppended) != 0 || payload[9..16].ContainsAnyExcept((byte)0))
        {
            throw new LogFormatException(_path, where.Offset, "flag bits record", "no incompatible flags other than 'data appended' (this log needs a newer reader)");
        }

        if ((payload[8] & IncompatDataAppended) == 0)
        {
            return;
        }

        for (int i = 0; i < 3; i++)
        {
            ulong offset = BinaryPrimitives.ReadUInt64LittleEndian(payload[(16 + (8 * i))..]);
            if (offset != 0)
            {
                _appendedOffsets.Add((long)Math.Min(offset, long.MaxValue));
            }
        }

        _appendedOffsets.Sort();
        _limit = _appendedOffsets.Count > 0 ? _appendedOffsets[0] : long.MaxValue;
    }
}
