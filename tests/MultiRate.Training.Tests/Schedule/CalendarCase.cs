using CsCheck;
using MultiRate.Core.Rates;

namespace MultiRate.Training.Tests.Schedule;

/// <summary>A generated schedule: a 1 kHz base tick, the head clock and one to three slow clocks, chained at random.</summary>
internal sealed record CalendarCase(CalendarCase.Clock Head, CalendarCase.Clock[] Slow, int HeadSource)
{
    public const long BaseHz = 1000;
    public const long BaseNs = 1_000_000;
    private static readonly long[] Rates = [1000, 500, 250, 200, 100, 50, 40, 25, 20, 10];

    /// <summary>Rate, offset (base ticks), declared latency (us), handoff mode of its outgoing handoffs, upstream (index into Slow, or -1).</summary>
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

    public static Gen<CalendarCase> Gen { get; } = CsCheck.Gen.Select(
        ClockGen,
        ClockGen.Array[1, 3],
        CsCheck.Gen.Int[0, 2],
        CsCheck.Gen.Int[0, 3].Array[3],
        (head, slow, source, ups) => Build(head, slow, source, ups));

    /// <summary>The rate profile; slow clocks are named s0, s1, s2 in generation order.</summary>
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
        $"head {Head.RateHz} Hz +{Head.Offset}; source s{HeadSource}; " + string.Join("; ", Slow.Select((c, i) => $"s{i}: {c}"));

    private static CalendarCase Build(Clock head, Clock[] slow, int source, int[] ups)
    {
        var chained = new Clock[slow.Length];
        for (int i = 0; i < slow.Length; i++)
        {
            // Upstream: none, or one of the strictly slower clocks (latents flow slow -> fast).
            int[] slower = [.. Enumerable.Range(0, slow.Length).Where(j => slow[j].RateHz < slow[i].RateHz)];
            int up = ups[i] == 0 || slower.Length == 0 ? -1 : slower[(ups[i] - 1) % slower.Length];
            chained[i] = slow[i] with { Upstream = up };
        }

        return new CalendarCase(head, chained, source % slow.Length);
    }
}
