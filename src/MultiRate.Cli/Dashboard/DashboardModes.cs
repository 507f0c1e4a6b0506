using Spectre.Console;

namespace MultiRate.Cli.Dashboard;

/// <summary>Picks the <see cref="DashboardMode"/>.</summary>
internal static class DashboardModes
{
    /// <summary>Off for JSON and when asked; live only on an interactive ANSI terminal; plain text otherwise.</summary>
    public static DashboardMode Choose(bool json, bool noDashboard, IAnsiConsole console)
    {
        ArgumentNullException.ThrowIfNull(console);
        if (json || noDashboard)
        {
            return DashboardMode.Off;
        }

        Capabilities caps = console.Profile.Capabilities;
        return caps.Interactive && caps.Ansi && console.Profile.Out.IsTerminal ? DashboardMode.Live : DashboardMode.Plain;
    }
}
