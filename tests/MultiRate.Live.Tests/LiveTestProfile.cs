using MultiRate.Configuration.Rates;
using MultiRate.Core.Rates;

namespace MultiRate.Live.Tests;

/// <summary>The shipped demo profile (planner 1 Hz, context 10 Hz, head 1 kHz).</summary>
internal static class LiveTestProfile
{
    public static string RatesPath { get; } = Path.Combine(RepoRoot.Path, "rates/default.yaml");

    public static RateProfile Default { get; } = RateProfileLoader.Load(RatesPath);
}
