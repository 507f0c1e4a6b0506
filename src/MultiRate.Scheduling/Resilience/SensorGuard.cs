using MultiRate.Core.Sensors;
using MultiRate.Scheduling.Ledger;

namespace MultiRate.Scheduling.Resilience;

/// <summary>
/// Checks each sensor stream's deliveries at every fast tick and holds the last good value of a stream
/// whose latest sample is rejected.
/// </summary>
/// <remarks>
/// Per stream, at read time t (sensor time), with s the held sample's own timestamp:
/// <code>
///   no new delivery for > dropout limit   -> dropout, counted once per episode; last value held
///   s == last accepted                    -> duplicate: dropped, counted, last value held
///   last - limit &lt;= s &lt; last accepted    -> out of order: dropped, counted, last value held
///   s &lt; last accepted - clock-jump limit   -> clock jump: counted, accepted, stream re-anchored
///   (t - s) - usual delay > late limit    -> late: counted, used (it is still the newest data)
/// </code>
/// The usual delay is the smallest t - s seen since the last re-anchor. Fast thread only; every
/// buffer is allocated up front, a tick allocates nothing.
/// </remarks>
internal sealed class SensorGuard
{
    private readonly ITimedSensorSource _source;
    private readonly RunLedger _ledger;
    private readonly string[] _names;
    private readonly int[][] _fieldsOf;
    private readonly long _dropoutNs;
    private readonly long _lateNs;
    private readonly long _jumpNs;
    private readonly long[] _times;
    private readonly long[] _deliveries;
    private readonly long[] _lastDelivery;
    private readonly long[] _lastArrival;
    private readonly long[] _lastAccepted;
    private readonly long[] _usualDelay;
    private readonly bool[] _accepted;
    private readonly bool[] _rejected;
    private readonly bool[] _inDropout;
    private readonly float[] _held;

    public SensorGuard(ITimedSensorSource source, ResilienceOptions options, RunLedger ledger)
    {
        _source = source;
        _ledger = ledger;
        _names = [.. source.Streams];
        int n = _names.Length;
        _fieldsOf = [.. Enumerable.Range(0, n).Select(s => Enumerable.Range(0, source.Fields.Count).Where(f => source.StreamOfField[f] == s).ToArray())];
        _dropoutNs = options.SensorDropout.Ticks * 100;
        _lateNs = options.SensorLate.Ticks * 100;
        _jumpNs = options.SensorClockJump.Ticks * 100;
        _times = new long[n];
        _deliveries = new long[n];
        _lastDelivery = new long[n];
        _lastArrival = new long[n];
        _lastAccepted = new long[n];
        _usualDelay = new long[n];
        _accepted = new bool[n];
        _rejected = new bool[n];
        _inDropout = new bool[n];
        _held = new float[source.Fields.Count];
    }

    /// <summary>Checks the deliveries behind the values just read and replaces rejected streams' values by their last good ones.</summary>
    /// <param name="sensorNs">The read time, sensor time.</param>
    /// <param name="runNs">The same time, run time (for fault records).</param>
    /// <param name="tick">Action-clock tick.</param>
    /// <param name="values">The values just read, by field.</param>
    public void Check(long sensorNs, long runNs, long tick, Span<float> values)
    {
        _source.ReadSampleTimes(_times, _deliveries);
        for (int s = 0; s < _names.Length; s++)
        {
            if (_deliveries[s] == _lastDelivery[s])
            {
                // Before a stream's first delivery there is nothing to drop out from.
                if (_lastDelivery[s] > 0 && !_inDropout[s] && sensorNs - _lastArrival[s] > _dropoutNs)
                {
                    _inDropout[s] = true;
                    Raise(LedgerEntry.SensorDropout, s, runNs, tick);
                }
            }
            else
            {
                _lastDelivery[s] = _deliveries[s];
                _lastArrival[s] = sensorNs;
                _inDropout[s] = false;
                Judge(s, _times[s], sensorNs, runNs, tick, values);
            }

            if (_rejected[s])
            {
                foreach (int f in _fieldsOf[s])
                {
                    values[f] = _held[f];
                }
            }
        }
    }

    private void Judge(int s, long sampleNs, long sensorNs, long runNs, long tick, Span<float> values)
    {
        long delay = sensorNs - sampleNs;
        if (!_accepted[s])
        {
            Accept(s, sampleNs, delay, reanchor: true, values);
        }
        else if (sampleNs == _lastAccepted[s])
        {
            _rejected[s] = true;
            Raise(LedgerEntry.SensorDuplicate, s, runNs, tick);
        }
        else if (sampleNs < _lastAccepted[s] - _jumpNs)
        {
            // A clock that jumped back stays jumped: the samples are fresh, only their time base moved.
            Raise(LedgerEntry.SensorClockJump, s, runNs, tick);
            Accept(s, sampleNs, delay, reanchor: true, values);
        }
        else if (sampleNs < _lastAccepted[s])
        {
            _rejected[s] = true;
            Raise(LedgerEntry.SensorOutOfOrder, s, runNs, tick);
        }
        else
        {
            if (delay - _usualDelay[s] > _lateNs)
            {
                    Raise(LedgerEntry.SensorLate, s, runNs, tick);
            }

            Accept(s, sampleNs, delay, reanchor: false, values);
        }
    }

    private void Accept(int s, long sampleNs, long delay, bool reanchor, Span<float> values)
    {
        _accepted[s] = true;
        _rejected[s] = false;
        _lastAccepted[s] = sampleNs;
        _usualDelay[s] = reanchor ? delay : Math.Min(_usualDelay[s], delay);
        foreach (int f in _fieldsOf[s])
        {
            _held[f] = values[f];
        }
    }

    /// <summary>Counts the fault on the action clock (the guard runs in its tick) and reports it with the stream as its source.</summary>
    private void Raise(LedgerEntry kind, int stream, long runNs, long tick) => _ledger.Fault(kind, _ledger.ActionClock, _names[stream], runNs, tick);
}
