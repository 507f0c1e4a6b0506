namespace MultiRate.Recording;

/// <summary>
/// A bounded multi-producer, single-consumer ring of <see cref="RecorderEvent"/>s (Vyukov's bounded
/// queue): producers claim a slot with one compare-and-swap, fill it and publish it with a volatile
/// write; the one consumer reads published slots in order and hands them back.
/// </summary>
/// <remarks>
/// Producers (fast, slow-worker and watchdog threads) never lock and never allocate. When the ring is
/// full a producer either gives up at once (real time: the caller counts a drop) or spins and then
/// sleeps until the consumer frees a slot (virtual time: nothing is lost). <see cref="Abandon"/>
/// releases waiting producers if the consumer has died.
/// </remarks>
internal sealed class RecorderRing
{
    private readonly RecorderEvent[] _slots;
    private readonly float[] _values;
    private readonly long _mask;
    private long _enqueue;
    private long _dequeue;
    private volatile bool _abandoned;

    public RecorderRing(int capacity, int valueWidth)
    {
        int size = (int)System.Numerics.BitOperations.RoundUpToPowerOf2((uint)Math.Max(2, capacity));
        _slots = new RecorderEvent[size];
        for (int i = 0; i < size; i++)
        {
            _slots[i].Sequence = i;
        }

        ValueWidth = Math.Max(1, valueWidth);
        _values = new float[size * ValueWidth];
        _mask = size - 1;
    }

    public int Capacity => _slots.Length;

    /// <summary>Action values each slot can hold.</summary>
    public int ValueWidth { get; }

    /// <summary>Events published and not yet consumed (approximate while producers run).</summary>
    public long Count => Volatile.Read(ref _enqueue) - Volatile.Read(ref _dequeue);

    /// <summary>Claims a slot; returns false when the ring is full and <paramref name="wait"/> is false (or the ring was abandoned).</summary>
    public bool TryClaim(bool wait, out long position)
    {
        var spin = default(SpinWait);
        long pos = Volatile.Read(ref _enqueue);
        while (true)
        {
            long seq = Volatile.Read(ref _slots[pos & _mask].Sequence);
            long diff = seq - pos;
            if (diff == 0)
            {
                if (Interlocked.CompareExchange(ref _enqueue, pos + 1, pos) == pos)
                {
                    position = pos;
                    return true;
                }
            }
            else if (diff < 0)
            {
                if (!wait || _abandoned)
                {
                    position = -1;
                    return false;
                }

                // Yield rather than sleep: the writer frees a slot within microseconds.
                spin.SpinOnce(sleep1Threshold: -1);
            }

            pos = Volatile.Read(ref _enqueue);
        }
    }

    /// <summary>The claimed slot at <paramref name="position"/>.</summary>
    public ref RecorderEvent Slot(long position) => ref _slots[position & _mask];

    /// <summary>The action values of the slot at <paramref name="position"/>.</summary>
    public Span<float> Values(long position) => _values.AsSpan((int)(position & _mask) * ValueWidth, ValueWidth);

    /// <summary>Publishes a claimed and filled slot to the consumer.</summary>
    public void Publish(long position) => Volatile.Write(ref _slots[position & _mask].Sequence, position + 1);

    /// <summary>Consumer only: the next published slot's position, or false when there is none yet.</summary>
    public bool TryPeek(out long position)
    {
        position = _dequeue;
        return Volatile.Read(ref _slots[position & _mask].Sequence) == position + 1;
    }

    /// <summary>Consumer only: hands the slot from <see cref="TryPeek"/> back to the producers.</summary>
    public void Release(long position)
    {
        ref RecorderEvent slot = ref _slots[position & _mask];
        slot.Snapshot = null;
        slot.Source = null;
        Volatile.Write(ref slot.Sequence, position + _slots.Length);
        Volatile.Write(ref _dequeue, position + 1);
    }

    /// <summary>The consumer is gone: producers stop waiting and drop instead.</summary>
    public void Abandon() => _abandoned = true;
}
