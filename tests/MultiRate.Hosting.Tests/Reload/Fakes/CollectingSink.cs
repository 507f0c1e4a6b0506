using Serilog;
using Serilog.Core;
using Serilog.Events;
using MultiRate.Scheduling.Tests.Fakes;

namespace MultiRate.Hosting.Tests.Reload.Fakes;

/// <summary>Keeps every Serilog event, for tests.</summary>
internal sealed class CollectingSink : ILogEventSink
{
    public List<LogEvent> Events { get; } = [];

    public void Emit(LogEvent logEvent)
    {
        lock (Events)
        {
            Events.Add(logEvent);
        }
    }

    public ILogger CreateLogger() => new LoggerConfiguration().MinimumLevel.Verbose().WriteTo.Sink(this).CreateLogger();

    /// <summary>A property's scalar value as a string (no quotes).</summary>
    public static string? Prop(LogEvent e, string name) =>
        e.Properties.TryGetValue(name, out LogEventPropertyValue? v) && v is ScalarValue s ? s.Value?.ToString() : null;
}
