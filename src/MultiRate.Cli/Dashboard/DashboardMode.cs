namespace MultiRate.Cli.Dashboard;

/// <summary>How <c>run</c>/<c>replay</c> shows progress while the clocks run.</summary>
internal enum DashboardMode
{
    /// <summary>Nothing until the final summary (<c>--json</c>, <c>--no-dashboard</c>).</summary>
    Off,

    /// <summary>Output redirected: one plain text line per second, after the first second.</summary>
    Plain,

    /// <summary>A terminal: a live table redrawn at most 4 times a second.</summary>
    Live,
}
