using MultiRate.Cli.Dashboard;

namespace MultiRate.Cli.Tests.Dashboard;

/// <summary>Dashboard snapshots built by hand.</summary>
internal static class Snapshots
{
    public static DashboardSnapshot Sample(double headP99Us = 120, long headMisses = 0, string? reload = null, bool reloadFailed = false) => new(
        "replay",
        "default",
        2.5,
        [
            new ClockRow("context", 10, 9.9, 25, 1500, 2100, 2500, 60_000, 0, 0, 0, 3, 4),
            new ClockRow("head", 1000, 998.5, 2500, 45, headP99Us, 700, 500, headMisses, 2, 1, 0, 0),
        ],
        150.5,
        199,
        4500,
        10_000,
        reload,
        reloadFailed);
}
