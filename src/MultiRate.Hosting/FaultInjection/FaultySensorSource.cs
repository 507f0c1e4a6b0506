using MultiRate.Core.Sensors;

namespace MultiRate.Hosting.FaultInjection;

/// <summary>
/// Turns any sensor source into timestamped streams (one per topic) sampled every
/// <c>streamPeriodNs</c>, and breaks them as the plan says: dropout, late, out of order, duplicated,
/// clock jumping back. Also tells the <see cref="FaultTimeline"/> the run time of every fast tick.
/// </summary>
/// <remarks>
/// Sample i of every stream has time <c>start + i * period</c> and the inner source's values at that
/// time. Normally the latest sample at or before the read time is delivered. Faults change which
/// sample is delivered and with what timestamp:
/// <code>
///   dropout        no new delivery while active (the last one is held)
///   late           sample i is delivered 30 ms after its time (the stream stalls 30 ms, then lags)
///   out of order   odd deliveries carry sample i - 2 instead of i
///   duplicate      odd deliveries carry sample i - 1 again (same timestamp, new delivery)
///   clock jump     timestamps read 1 s earlier while active
/// </code>
/// Fast thread only; allocation-free per read.
/// </remarks>
internal sealed class FaultySensorSource : ITimedSensorSource
{
    private const long LateNs = 30_000_000;
    private const long JumpNs = 1_000_000_000;
    private readonly ISensorSource _inner;
    private readonly FaultTimeline _timeline;
    private readonly long _startNs;
    private readonly long _periodNs;
    private long _lastIndex = -1;
    private long _deliveredIndex = -1;
    private long _deliveries;
    private long _sampleNs;

    public FaultySensorSource(ISensorSource inner, FaultTimeline timeline, long startNs, long streamPeriodNs = 10_000_000)
    {
        _inner = inner;
        _timeline = timeline;
        _startNs = startNs;
        _periodNs = streamPeriodNs;
        string[] topics = [.. inner.Fields.Select(TopicOf)];
        Streams = [.. topics.Distinct()];
        StreamOfField = [.. topics.Select(t => Streams.ToList().IndexOf(t))];
    }

    public IReadOnlyList<string> Fields => _inner.Fields;

    public IReadOnlyList<string> Streams { get; }

    public IReadOnlyList<int> StreamOfField { get; }

    public long? StartNs => _inner.StartNs;

    public long? EndNs => _inner.EndNs;

    public bool Read(long timeNs, Span<float> observation)
    {
        long run = timeNs - _startNs;
        _timeline.NowNs = run;
        long index = Math.Max(0, run) / _periodNs;
        if (index != _lastIndex)
        {
            _lastIndex = index;
            Deliver(run, index);
        }

        return _inner.Read(_startNs + (_deliveredIndex * _periodNs), observation);
    }

    public void ReadSampleTimes(Span<long> sampleTimesNs, Span<long> deliveries)
    {
        sampleTimesNs.Slice(0, Streams.Count).Fill(_sampleNs);
        deliveries.Slice(0, Streams.Count).Fill(_deliveries);
    }

    public void Dispose() => _inner.Dispose();

    private void Deliver(long run, long index)
    {
        long sample = index;
        long shift = 0;
        if (_timeline.Active(InjectedFault.SensorDropout, run))
        {
            _timeline.Count();
            return;
        }

        if (_timeline.Active(InjectedFault.SensorLate, run))
        {
            sample = Math.Max(0, run - LateNs) / _periodNs;
            if (sample <= _deliveredIndex)
            {
                return; // nothing 30 ms old yet: the stream stalls
            }

            _timeline.Count();
        }
        else if (_timeline.Active(InjectedFault.SensorOutOfOrder, run) && index % 2 == 1 && index >= 2)
        {
            _timeline.Count();
            sample = index - 2;
        }
        else if (_timeline.Active(InjectedFault.SensorDuplicate, run) && index % 2 == 1 && index >= 1)
        {
            _timeline.Count();
            sample = index - 1;
        }
        else if (_timeline.Active(InjectedFault.SensorClockJump, run))
        {
            _timeline.Count();
            shift = JumpNs;
        }

        _deliveredIndex = sample;
        _sampleNs = _startNs + (sample * _periodNs) - shift;
        _deliveries++;
    }

    private static string TopicOf(string field)
    {
        int dot = field.IndexOf('.', StringComparison.Ordinal);
        return dot > 0 ? field[..dot] : field;
    }
}
