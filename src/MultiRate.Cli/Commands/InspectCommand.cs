using System.Globalization;
using System.Text.Json.Nodes;
using MultiRate.Cli.CommandLine.Args;
using MultiRate.Cli.Infrastructure;
using MultiRate.Logs;
using MultiRate.Logs.Abstractions;
using Spectre.Console;

namespace MultiRate.Cli.Commands;

/// <summary><c>multirate inspect &lt;log&gt; [--json]</c>: format, time span and per-topic counts, rates, encodings and schemas.</summary>
internal static class InspectCommand
{
    public static int Execute(InspectArgs a, TextWriter stdout, IAnsiConsole console)
    {
        string path = a.Path;

        // Every message is read: damage is an error (exit 2) as in cat and replay, and the span
        // covers only messages that exist.
        LogInspection log = LogInspection.Read(path, a.LogReading with { AllowTruncated = a.AllowTruncated });
        IReadOnlyList<LogTopicInfo> topics = log.Topics;
        long start = log.FirstNs ?? 0;
        long end = log.LastNs ?? 0;
        if (a.Json)
        {
            var list = new JsonArray();
            foreach (LogTopicInfo t in topics)
            {
                list.Add(new JsonObject
                {
                    ["name"] = t.Name,
                    ["count"] = t.Count,
                    ["hz"] = Json.Round(t.Hz),
                    ["encoding"] = t.Encoding,
                    ["schema"] = t.Schema,
                });
            }

            var json = new JsonObject
            {
                ["format"] = log.Format,
                ["start_ns"] = start,
                ["end_ns"] = end,
                ["duration_s"] = Json.Round(log.DurationSeconds, 6),
                ["topics"] = list,
                ["notes"] = new JsonArray([.. log.Notes.Select(n => JsonValue.Create(n))]),
            };
            if (log.Coverage is { } damage)
            {
                json["damaged"] = true;
                json["messages_read"] = log.MessagesRead;
                json["stopped_at_byte"] = damage.StoppedAtByte;
                json["damage"] = damage.Reason;
            }

            Json.Write(stdout, json);
            return 0;
        }

        console.WriteLine($"{path}: {log.Format}, {log.DurationSeconds.ToString("0.000", CultureInfo.InvariantCulture)} s from {start} ns to {end} ns");
        if (log.Coverage is { } stopped)
        {
            console.WriteLine($"DAMAGED: read {log.MessagesRead} messages, stopped at byte {stopped.StoppedAtByte?.ToString(CultureInfo.InvariantCulture) ?? "?"}: {stopped.Reason}");
        }
        foreach (string note in log.Notes)
        {
            console.WriteLine($"note: {note}");
        }

        var table = new Table().AddColumns("topic", "count", "Hz", "encoding", "schema");
        foreach (LogTopicInfo t in topics)
        {
            table.AddRow(Markup.Escape(t.Name), t.Count.ToString(CultureInfo.InvariantCulture), t.Hz.ToString("0.0", CultureInfo.InvariantCulture), Markup.Escape(t.Encoding), Markup.Escape(t.Schema));
        }

        console.Write(table);
        return 0;
    }
}
