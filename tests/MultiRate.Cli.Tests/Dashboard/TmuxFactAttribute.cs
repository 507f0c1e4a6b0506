namespace MultiRate.Cli.Tests.Dashboard;

/// <summary>A fact that needs <c>tmux</c> on the PATH: skipped, with the reason, where it is absent.</summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class TmuxFactAttribute : FactAttribute
{
    public TmuxFactAttribute()
    {
        if (!Tmux.Installed)
        {
            Skip = "tmux is not installed: this test draws the dashboard in a real terminal (tmux) and reads it back with capture-pane";
        }
    }
}
