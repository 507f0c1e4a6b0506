namespace MultiRate.Scheduling.Stats;

/// <summary>The stable names of <see cref="RunSummary.StopReason"/> (printed in <c>--json</c> and the recording's summary).</summary>
public static class StopReasons
{
    /// <summary>The run reached its end (<c>--seconds</c> or the log's end), then ramped to the safe action.</summary>
    public const string Completed = "completed";

    /// <summary>The run was cancelled before its end (SIGINT, SIGTERM, SIGQUIT, SIGHUP, Ctrl-C or the caller's token), then ramped to the safe action.</summary>
    public const string Signal = "signal";
}
