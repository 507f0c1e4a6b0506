using System.Text.Json.Nodes;
using MultiRate.Cli.CommandLine.Args;
using MultiRate.Cli.Infrastructure;
using MultiRate.Core.Errors;
using MultiRate.Logs;
using MultiRate.Logs.Abstractions;

namespace MultiRate.Cli.Commands;

/// <summary><c>multirate cat &lt;log&gt; --topic T [--limit N]</c>: decoded messages as JSON lines {log_time_ns, topic, data}.</summary>
internal static class CatCommand
{
    public static int Execute(CatArgs a, TextWriter stdout)
    {
        string path = a.Path;
        string topic = a.Topic;
        long limit = a.Limit ?? long.MaxValue;
        using ISensorLog log = SensorLogs.Open(path, a.LogReading);
        if (!log.Topics.Any(t => t.Name == topic))
        {
            throw new UserInputException($"{path}: no topic '{topic}'; the log has: {string.Join(", ", log.Topics.Select(t => t.Name))}");
        }

        long n = 0;
        foreach (LogMessage m in log.ReadMessages([topic]))
        {
            Json.Write(stdout, new JsonObject
            {
                ["log_time_ns"] = m.LogTimeNs,
                ["topic"] = m.Topic,
                ["data"] = m.Data.DeepClone(),
            });
            if (++n >= limit)
            {
                break;
            }
        }

        return 0;
    }
}
