using MultiRate.Core.Errors;
using MultiRate.Core.Sensors;
using MultiRate.Logs;
using MultiRate.Logs.Abstractions;
using MultiRate.Logs.Replay;

namespace MultiRate.Runtime.Sources;

/// <summary>Builds the sensor source: a replayed log bound to the config's field paths, or the synthetic signal.</summary>
public static class SensorSourceFactory
{
    /// <summary>The source name that selects the built-in synthetic signal.</summary>
    public const string Synthetic = "synthetic";

    /// <summary>Creates the source for <paramref name="layout"/> from a log path or <c>synthetic</c>.</summary>
    /// <param name="source">A log path, <c>synthetic</c>, or null (synthetic).</param>
    /// <param name="layout">The fields to bind.</param>
    /// <param name="allowTruncated">Replay a damaged log up to the damage.</param>
    /// <returns>The source; a replayed log is a <see cref="ReplaySensorSource"/> whose <see cref="ReplaySensorSource.Coverage"/> says how much was read.</returns>
    public static ISensorSource Create(string? source, ObservationLayout layout, bool allowTruncated = false) =>
        Create(source, layout, allowTruncated, out _);

    /// <summary>Creates the source and says how much of the log it holds.</summary>
    /// <param name="source">A log path, <c>synthetic</c>, or null (synthetic).</param>
    /// <param name="layout">The fields to bind.</param>
    /// <param name="allowTruncated">Replay a damaged log up to the damage.</param>
    /// <param name="coverage">For a log: whether it was damaged, where reading stopped and why, and the log times replayed; null for the synthetic signal.</param>
    /// <returns>The source.</returns>
    /// <exception cref="LogFormatException">The log is damaged and <paramref name="allowTruncated"/> is false, or it cannot be read at all.</exception>
    public static ISensorSource Create(string? source, ObservationLayout layout, bool allowTruncated, out LogCoverage? coverage) =>
        Create(source, layout, new SensorLogOptions { AllowTruncated = allowTruncated }, out coverage);

    /// <summary>Creates the source, opening a log with <paramref name="options"/>, and says how much of the log it holds.</summary>
    /// <param name="source">A log path, <c>synthetic</c>, or null (synthetic).</param>
    /// <param name="layout">The fields to bind.</param>
    /// <param name="options">How to open the log (damage, message paths, CSV time column and unit).</param>
    /// <param name="coverage">For a log: whether it was damaged, where reading stopped and why, and the log times replayed; null for the synthetic signal.</param>
    /// <returns>The source.</returns>
    /// <exception cref="LogFormatException">The log is damaged and damage is not allowed, or it cannot be read at all.</exception>
    public static ISensorSource Create(string? source, ObservationLayout layout, SensorLogOptions options, out LogCoverage? coverage)
    {
        ArgumentNullException.ThrowIfNull(options);
        coverage = null;
        ArgumentNullException.ThrowIfNull(layout);
        if (source is null || source == Synthetic)
        {
            return new SyntheticSensorSource(layout.Fields);
        }

        using ISensorLog log = SensorLogs.Open(source, options);
        ReplaySensorSource replay = ReplaySensorSource.FromLog(log, layout.Fields);
        if (replay.StartNs is null)
        {
            string damage = replay.Coverage is { Damaged: true } c ? $" before the damage at byte {c.StoppedAtByte} ({c.Reason})" : string.Empty;
            throw new UserInputException($"{source}: the log has no samples for [{string.Join(", ", layout.Fields)}]{damage}");
        }

        coverage = replay.Coverage;
        return replay;
    }
}
