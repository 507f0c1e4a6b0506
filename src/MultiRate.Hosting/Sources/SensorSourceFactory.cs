using MultiRate.Core.Errors;
using MultiRate.Core.Sensors;
using MultiRate.Logs;
using MultiRate.Logs.Abstractions;
using MultiRate.Logs.Replay;

namespace MultiRate.Hosting.Sources;

/// <summary>Builds the sensor source: a replayed log bound to the config's field paths, or the synthetic signal.</summary>
public static class SensorSourceFactory
{
    /// <summary>The source name that selects the built-in synthetic signal.</summary>
    public const string Synthetic = "synthetic";

    /// <summary>Creates the source for <paramref name="layout"/> from a log path or <c>synthetic</c>.</summary>
    /// <param name="source">A log path, <c>synthetic</c>, or null (synthetic).</param>
    /// <param name="layout">The fields to bind.</param>
    /// <param name="allowTruncated">Replay a damaged log up to the damage.</param>
    public static ISensorSource Create(string? source, ObservationLayout layout, bool allowTruncated = false)
    {
        ArgumentNullException.ThrowIfNull(layout);
        if (source is null || source == Synthetic)
        {
            return new SyntheticSensorSource(layout.Fields);
        }

        using ISensorLog log = SensorLogs.Open(source, allowTruncated);
        ReplaySensorSource replay = ReplaySensorSource.FromLog(log, layout.Fields);
        if (replay.StartNs is null)
        {
            throw new UserInputException($"{source}: the log has no samples for [{string.Join(", ", layout.Fields)}]");
        }

        return replay;
    }
}
