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
        using ISensorLog log = SensorLogs.Open(path);
        IReadOnlyList<LogTopicInfo> topics = log.Topics;
        long start = topics.Count == 0 ? 0 : topics.Min(t => t.FirstNs);
        long end = topics.Count == 0 ? 0 : topics.Max(t => t.LastNs);
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

            Json.Write(stdout, new JsonObject
            {
                ["format"] = log.Format,
                ["start_ns"] = start,
                ["end_ns"] = end,
                ["duration_s"] = Json.Round((end - start) / 1e9, 6),
                ["topics"] = list,
            });
            return 0;
        }

        console.WriteLine($"{path}: {log.Format}, {((end - start) / 1e9).ToString("0.000", CultureInfo.InvariantCulture)} s from {start} ns to {end} ns");
        var table = new Table().AddColumns("topic", "count", "Hz", "encoding", "schema");
        foreach (LogTopicInfo t in topics)
        {
            table.AddRow(Markup.Escape(t.Name), t.Count.ToString(CultureInfo.InvariantCulture), t.Hz.ToString("0.0", CultureInfo.InvariantCulture), Markup.Escape(t.Encoding), Markup.Escape(t.Schema));
        }

        console.Write(table);
        return 0;
    }
}
