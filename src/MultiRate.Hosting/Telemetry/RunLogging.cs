using Serilog.Core;

namespace MultiRate.Hosting.Telemetry;

/// <summary>The logger a run writes to and the telemetry settings read with it from <c>configs/logging.json</c>.</summary>
/// <remarks>Dispose at the end of the run: it flushes the async sink and closes the log file.</remarks>
public sealed class RunLogging : IDisposable
{
    /// <summary>Wraps a configured logger.</summary>
    /// <param name="logger">The root logger.</param>
    /// <param name="summaryInterval">How often the per-clock summary is logged; <see cref="TimeSpan.Zero"/> = never.</param>
    public RunLogging(Logger logger, TimeSpan summaryInterval)
    {
        Logger = logger;
        SummaryInterval = summaryInterval;
    }

    /// <summary>The root logger (use <c>ForContext&lt;T&gt;()</c> so per-namespace levels apply).</summary>
    public Logger Logger { get; }

    /// <summary>Interval of the rate-limited per-clock summary (<c>MultiRate:SummaryIntervalSeconds</c>); zero disables it.</summary>
    public TimeSpan SummaryInterval { get; }

    /// <inheritdoc />
    public void Dispose() => Logger.Dispose();
}
