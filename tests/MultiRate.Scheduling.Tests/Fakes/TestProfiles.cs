using MultiRate.Core.Rates;

namespace MultiRate.Scheduling.Tests.Fakes;

/// <summary>Rate profiles built in code, so these tests don't depend on the YAML loader.</summary>
internal static class TestProfiles
{
    public static RateProfile ThreeLevel(
        HandoffMode mode = HandoffMode.Deterministic,
        long headBudgetUs = 500,
        OverrunPolicy headOverrun = OverrunPolicy.Hold,
        long contextLatencyUs = 40_000,
        double ageLimitMs = 250,
        StalePolicy onStale = StalePolicy.Degraded) => new()
        {
            Name = "test",
            BaseTickHz = 1000,
            Modules =
            [
                new ModuleDefinition { Name = "planner", Kind = ModuleKind.Context },
                new ModuleDefinition { Name = "context", Kind = ModuleKind.Context },
                new ModuleDefinition { Name = "head", Kind = ModuleKind.ActionHead },
            ],
            Clocks =
            [
                new ClockDefinition { Name = "planner", RateHz = 1, BudgetUs = 400_000, Module = "planner", History = 8, LatencyUs = 300_000 },
                new ClockDefinition { Name = "context", RateHz = 10, BudgetUs = 60_000, Module = "context", History = 4, LatencyUs = contextLatencyUs },
                new ClockDefinition { Name = "head", RateHz = 1000, BudgetUs = headBudgetUs, Module = "head", Overrun = headOverrun },
            ],
            Handoffs =
            [
                new HandoffDefinition { From = "planner", To = "context", Mode = mode },
                new HandoffDefinition { From = "context", To = "head", Mode = mode },
            ],
            Latent = new LatentSpec { AgeLimitMs = ageLimitMs, OnStale = onStale },
            Action = new ActionSpec { Dimension = 2, Safe = [0, 0], Min = [-10, -10], Max = [10, 10] },
        };
}
