using MultiRate.Core.Latent;

namespace MultiRate.Recording;

/// <summary>What a ring slot holds.</summary>
internal enum RecorderEventType : byte
{
    Action,
    FastTick,
    SlowTick,
    Latent,
    Fault,
}

/// <summary>
/// One ring slot: a copy of an observer event in plain fields, so the producer allocates nothing.
/// Action values live in the ring's preallocated value array, not here.
/// </summary>
/// <remarks>
/// Field use by <see cref="Type"/>. Action: Tick, TimeNs, Code = kind, Count = values.
/// FastTick: Tick, TimeNs, A = latency, B = decision, C = budget, D = latent version, E = latent age, Code = outcome.
/// SlowTick: Clock, Tick, TimeNs, A = finished, B = latency, C = budget, Code = outcome, Count = recursion steps.
/// Latent: Clock, TimeNs = published, Snapshot.
/// Fault: Tick, TimeNs, Code = fault kind, Source.
/// </remarks>
internal struct RecorderEvent
{
    /// <summary>Vyukov sequence: equals the position when free, position + 1 once published.</summary>
    public long Sequence;

    public RecorderEventType Type;

    /// <summary>Clock index into the recorder's clock table.</summary>
    public int Clock;

    /// <summary>Action kind or tick outcome.</summary>
    public int Code;

    /// <summary>Action value count, or recursion steps.</summary>
    public int Count;

    public long Tick;

    public long TimeNs;

    public long A;

    public long B;

    public long C;

    public long D;

    public long E;

    /// <summary>A latent snapshot: immutable, so keeping the reference is safe and allocates nothing.</summary>
    public LatentSnapshot? Snapshot;

    /// <summary>A fault's source (clock, sensor stream or <c>sink</c>): a string the executor already holds, kept by reference.</summary>
    public string? Source;
}
