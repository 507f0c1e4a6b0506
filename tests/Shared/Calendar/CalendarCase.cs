using CsCheck;
using MultiRate.Core.Rates;
using MultiRate.Scheduling.Executor;
using MultiRate.Scheduling.Resilience;

namespace MultiRate.Tests.Shared;

/// <summary>
/// A generated schedule (1 kHz base, a head clock, one to three slow clocks, chained at random) and,
/// optionally, a fault plan: for each slow update a fault (late, hang, throw) drawn from a seed.
/// </summary>
/// <remarks>One source file, compiled into each test project that checks the executor against the calendar (see its csproj).</remarks>
internal sealed record CalendarCase(CalendarCase.Clock Head, CalendarCase.Clock[] Slow, int HeadSource, bool Faults = false, int Seed = 0)
{
    public const long BaseHz = 1000;
    public const long BaseNs = 1_000_000;
    private static readonly long[] Rates = [1000, 500, 250, 200, 100, 50, 40, 25, 20, 10];

    /// <summary>The slow path's options: a timeout of three latencies (at least 10 ms); a circuit that never opens.</summary>
    /// <remarks>
    /// A rejected update calls no module and is reported after the tick that triggered it, so it cannot be
    /// placed among the tick's steps from outside; the fault matrix covers the open circuit.
    /// </remarks>
    public static ResilienceOptions Resilience { get; } = new() { TimeoutMultiple = 3, FailureRatio = 1, MinimumThroughput = int.MaxValue };

    /// <summary>Rate, offset (base ticks), declared latency (us), outgoing handoff mode, upstream (index into Slow, or -1).</summary>
    internal sealed record Clock(long RateHz, long Offset, long LatencyUs, HandoffMode Mode, int Upstream)
    {
        public override string ToString() => $"{RateHz} Hz +{Offset} lat {LatencyUs} us {Mode} up {Upstream}";
    }

    private static Gen<Clock> ClockGen { get; } = CsCheck.Gen.Select(
        CsCheck.Gen.Int[0, Rates.Length - 1],
        CsCheck.Gen.Int[0, 999],
        CsCheck.Gen.Int[0, 4],
        CsCheck.Gen.Int[1, 1_000_000],
        CsCheck.Gen.Bool,
        (rate, offset, kind, raw, latest) =>
        {
            long hz = Rates[rate];
            long periodUs = 1_000_000 / hz;
            long latency = kind switch
            {
                0 => 0,                                   // completes right after the tick that triggered it
                1 => ((raw % 3) + 1) * 1000,             // lands exactly on a base tick
                2 => periodUs,                           // lands exactly on the clock's next tick
                3 => raw % periodUs,                     // anywhere inside the period
                _ => raw % (periodUs * 5 / 2),           // up to 2.5 periods: later triggers skipped while busy
            };
            return new Clock(hz, offset % (BaseHz / hz), latency, latest ? HandoffMode.Latest : HandoffMode.Deterministic, -1);
        });

    /// <summary>Schedules without a fault plan.</summary>
    public static Gen<CalendarCase> Gen { get; } = CsCheck.Gen.Select(
        ClockGen,
        ClockGen.Array[1, 3],
        CsCheck.Gen.Int[0, 2],
        CsCheck.Gen.Int[0, 3].Array[3],
        (head, slow, source, ups) => Build(head, slow, source, ups, false, 0));

    /// <summary>Schedules with a fault plan three times in four.</summary>
    public static Gen<CalendarCase> FaultyGen { get; } = CsCheck.Gen.Select(
        ClockGen,
        ClockGen.Array[1, 3],
        CsCheck.Gen.Int[0, 2],
        CsCheck.Gen.Int[0, 3].Array[3],
        CsCheck.Gen.Int[0, 3],
        CsCheck.Gen.Int,
        (head, slow, source, ups, faults, seed) => Build(head, slow, source, ups, faults != 0, seed));

    /// <summary>The fault injected into update <paramref name="tick"/> of slow clock <paramref name="clock"/> (none without a fault plan).</summary>
    public InjectedFault FaultAt(int clock, long tick)
    {
        if (!Faults)
        {
            return InjectedFault.None;
        }

        uint h = Mix((uint)Seed, (uint)clock, (uint)tick);
        return (h % 10) switch
        {
            0 or 1 => InjectedFault.Late,
            2 => InjectedFault.Hang,
            3 => InjectedFault.Throw,
            _ => InjectedFault.None,
        };
    }

    /// <summary>The virtual cost of update <paramref name="tick"/> of slow clock <paramref name="clock"/>: declared, later, or never.</summary>
    public long CostNs(int clock, long tick)
    {
        long declared = Slow[clock].LatencyUs * 1000;
        return FaultAt(clock, tick) switch
        {
            InjectedFault.Late => declared + 1000 + (Mix((uint)Seed + 1, (uint)clock, (uint)tick) % (uint)(2 * 1_000_000_000 / Slow[clock].RateHz)),
            InjectedFault.Hang => long.MaxValue / 4,
            _ => declared,
        };
    }

    /// <summary>The rate profile; slow clocks are s0, s1, s2 in generation order (modules m0, m1, m2).</summary>
    public RateProfile Profile()
    {
        var handoffs = new List<HandoffDefinition>();
        for (int i = 0; i < Slow.Length; i++)
        {
            if (Slow[i].Upstream >= 0)
            {
                handoffs.Add(new HandoffDefinition { From = $"s{Slow[i].Upstream}", To = $"s{i}", Mode = Slow[Slow[i].Upstream].Mode });
            }
        }

        handoffs.Add(new HandoffDefinition { From = $"s{HeadSource}", To = "head", Mode = Slow[HeadSource].Mode });
        return new RateProfile
        {
            Name = "calendar",
            BaseTickHz = BaseHz,
            Modules =
            [
                .. Enumerable.Range(0, Slow.Length).Select(i => new ModuleDefinition { Name = $"m{i}", Kind = ModuleKind.Context }),
                new ModuleDefinition { Name = "head", Kind = ModuleKind.ActionHead },
            ],
            Clocks =
            [
                .. Slow.Select((c, i) => new ClockDefinition { Name = $"s{i}", RateHz = c.RateHz, OffsetTicks = c.Offset, BudgetUs = 1, Module = $"m{i}", LatencyUs = c.LatencyUs, History = 4 }),
                new ClockDefinition { Name = "head", RateHz = Head.RateHz, OffsetTicks = Head.Offset, BudgetUs = 1, Module = "head" },
            ],
            Handoffs = handoffs,
            Latent = new LatentSpec { AgeLimitMs = 1e9 },
            Action = new ActionSpec { Dimension = 1, Safe = [0], Min = [-1e9], Max = [1e9] },
        };
    }

    public override string ToString() =>
        $"head {Head.RateHz} Hz +{Head.Offset}; source s{HeadSource}; faults {(Faults ? $"seed {Seed}" : "none")}; " + string.Join("; ", Slow.Select((c, i) => $"s{i}: {c}"));

    private static uint Mix(uint a, uint b, uint c)
    {
        uint h = (a * 0x9E3779B1u) ^ (b * 0x85EBCA77u) ^ (c * 0xC2B2AE3Du);
        h ^= h >> 15;
        h *= 0x2C1B3C6Du;
        h ^= h >> 12;
        return h;
    }

    private static CalendarCase Build(Clock head, Clock[] slow, int source, int[] ups, bool faults, int seed)
    {
        var chained = new Clock[slow.Length];
        for (int i = 0; i < slow.Length; i++)
        {
            // Upstream: none, or one of the strictly slower clocks (latents flow slow -> fast).
            int[] slower = [.. Enumerable.Range(0, slow.Length).Where(j => slow[j].RateHz < slow[i].RateHz)];
            int up = ups[i] == 0 || slower.Length == 0 ? -1 : slower[(ups[i] - 1) % slower.Length];
            chained[i] = slow[i] with { Upstream = up };
        }

        return new CalendarCase(head, chained, source % slow.Length, faults, seed);
    }

    /// <summary>The case's cost model: slow clocks by the fault plan, the head by its declared cost (0).</summary>
    internal sealed class Costs(CalendarCase c) : IComputeCostModel
    {
        public long CostNs(string clock, long tick, long declaredNs) =>
            clock.StartsWith('s') ? c.CostNs(int.Parse(clock.AsSpan(1), System.Globalization.CultureInfo.InvariantCulture), tick) : declaredNs;
    }
}
