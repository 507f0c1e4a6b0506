using MultiRate.Scheduling.Stats;

namespace MultiRate.Live.Tests;

/// <summary>A small run summary for the summary channel (the figures do not matter, the writer does).</summary>
internal static class LiveTestSummary
{
    public static RunSummary Create() => new()
    {
        Profile = "default",
        Mode = "realtime",
        DurationSeconds = 1,
        WallSeconds = 1,
        Clocks = [new ClockSummary("head", 1000, 1000, 0, 0, 0, 500, 10, 20, 30)],
        Actions = 1000,
        ActionsByKind = new Dictionary<string, long> { ["model"] = 1000 },
        ActionsSha256 = new string('0', 64),
        LatentAgeP50Ms = 100,
        LatentAgeP99Ms = 150,
        LatentAgeMaxMs = 199,
        StaleTicks = 0,
        LastLatentVersion = 10,
        LatentsPublished = new Dictionary<string, long> { ["context"] = 10 },
        RecursionStepsP50 = 6,
        Guards = new Dictionary<string, long>(),
    };
}
