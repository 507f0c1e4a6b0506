using System.Globalization;
using System.Text.Json.Nodes;
using MultiRate.Core.Errors;
using MultiRate.Logs;
using MultiRate.Logs.Abstractions;
using MultiRate.Recording;

namespace MultiRate.Cli.Suites;

/// <summary>Compares a run's actions with a recording's <c>/multirate/actions</c>: same ticks, same kinds, values within the tolerance.</summary>
internal static class GoldenActions
{
    /// <summary>Most differing actions named in one failure; the count says how many more.</summary>
    private const int Shown = 3;

    /// <summary>The failures (empty: the streams match).</summary>
    /// <exception cref="UserInputException">The recording cannot be read or is not a MultiRate recording.</exception>
    public static IReadOnlyList<string> Compare(ActionStream run, ActionsMatch match)
    {
        using ISensorLog log = SensorLogs.Open(match.Recording);
        if (!log.Topics.Any(t => t.Name == RecordingTopics.Actions))
        {
            throw new UserInputException($"{match.Recording}: not a MultiRate recording (no {RecordingTopics.Actions} topic; expected a file made with multirate replay --record)");
        }

        var failures = new List<string>();
        int i = 0;
        int differing = 0;
        foreach (LogMessage m in log.ReadMessages([RecordingTopics.Actions]))
        {
            if (i < run.Count && Differs(run, i, m.Data, match.Tolerance, match.Recording) is { } why && ++differing <= Shown)
            {
                failures.Add($"actions_match: action {i} (tick {run.Tick(i)}): {why}");
            }

            i++;
        }

        if (differing > Shown)
        {
            failures.Add(Inv($"actions_match: {differing - Shown} more actions differ from {match.Recording} ({differing} of {Math.Min(i, run.Count)})"));
        }

        if (i != run.Count)
        {
            failures.Add(Inv($"actions_match: the run emitted {run.Count} actions, the recording holds {i}"));
        }

        return failures;
    }

    private static string? Differs(ActionStream run, int i, JsonObject recorded, double tolerance, string path)
    {
        if (recorded["tick"] is not JsonValue t || !t.TryGetValue(out long tick) ||
            recorded["kind"] is not JsonValue k || !k.TryGetValue(out string? kind) ||
            recorded["values"] is not JsonArray values)
        {
            throw new UserInputException($"{path}: an action message lacks tick, kind or values; expected a recording made with multirate replay --record");
        }

        if (tick != run.Tick(i))
        {
            return Inv($"recorded tick {tick}");
        }

        string runKind = run.Kind(i).ToString().ToLowerInvariant();
        if (kind != runKind)
        {
            return $"kind {runKind}, recorded {kind}";
        }

        if (values.Count != run.Width)
        {
            return Inv($"{run.Width} values, recorded {values.Count}");
        }

        for (int j = 0; j < values.Count; j++)
        {
            // Values are recorded as floats (shortest round-trip text): read back as float, they are exact.
            // A recorded null is a non-finite value: it matches nothing.
            double want = values[j] is JsonValue v && v.TryGetValue(out float f) ? f : double.NaN;
            double got = run.Value(i, j);
            if (!(Math.Abs(got - want) <= tolerance))
            {
                return Inv($"value[{j}] {got:R}, recorded {want:R} (|diff| {Math.Abs(got - want):G3} > tolerance {tolerance:G3})");
            }
        }

        return null;
    }

    private static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
