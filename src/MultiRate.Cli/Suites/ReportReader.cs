using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using MultiRate.Core.Errors;
using MultiRate.Core.IO;

namespace MultiRate.Cli.Suites;

/// <summary>Reads a report that <c>multirate test --json</c> wrote, refusing anything else with one message naming the file and the key.</summary>
internal static class ReportReader
{
    /// <summary>Largest report read: a summary is a few kilobytes, so this holds tens of thousands of cases.</summary>
    private const long CapBytes = 256L << 20;

    /// <exception cref="UserInputException">Unreadable, not JSON, or not a test report.</exception>
    public static SuiteReport Load(string path)
    {
        string text = InputFiles.ReadText(path, "test report", CapBytes);
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(text);
        }
        catch (JsonException ex)
        {
            throw new UserInputException(Inv($"{path}: line {(ex.LineNumber ?? 0) + 1}, position {(ex.BytePositionInLine ?? 0) + 1}: not JSON ({Expected})"));
        }

        if (root is not JsonObject o)
        {
            throw new UserInputException($"{path}: expected a JSON object ({Expected})");
        }

        var at = new Reader(path);
        string? shard = o["shard"] is null ? null : at.Text(o, "shard");
        JsonArray cases = o["cases"] as JsonArray ?? throw at.Bad("cases", "a list");
        return new SuiteReport
        {
            Suite = at.Text(o, "suite"),
            CasesInSuite = at.Whole(o, "cases_in_suite"),
            Shard = shard is null ? null : ParseShard(path, shard),
            Cases = [.. cases.Select((c, i) => Case(at, c as JsonObject ?? throw at.Bad(Inv($"cases[{i}]"), "an object"), i))],
        };
    }

    private const string Expected = "expected a report written by 'multirate test SUITE --json'";

    private static CaseResult Case(Reader at, JsonObject c, int i)
    {
        string key = Inv($"cases[{i}]");
        JsonArray failures = c["failures"] as JsonArray ?? throw at.Bad(key + ".failures", "a list");
        return new CaseResult
        {
            Index = at.Whole(c, "index", key),
            Name = at.Text(c, "name", key),
            Failures = [.. failures.Select((f, j) => f is JsonValue v && v.TryGetValue(out string? s) ? s : throw at.Bad(Inv($"{key}.failures[{j}]"), "a string"))],
            Error = c["error"] is null ? null : at.Text(c, "error", key),
            Summary = c["summary"] is null ? null : c["summary"] as JsonObject ?? throw at.Bad(key + ".summary", "an object or null"),
            TimeS = c["time_s"] is JsonValue t && t.TryGetValue(out double s) ? s : throw at.Bad(key + ".time_s", "a number"),
        };
    }

    private static Shard ParseShard(string path, string text)
    {
        try
        {
            return Shard.Parse(text);
        }
        catch (UserInputException)
        {
            throw new UserInputException($"{path}: shard: expected I/N, got '{text}' ({Expected})");
        }
    }

    private static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);

    private sealed class Reader(string path)
    {
        public string Text(JsonObject o, string key, string? parent = null) =>
            o[key] is JsonValue v && v.TryGetValue(out string? s) ? s : throw Bad(Join(parent, key), "a string");

        public int Whole(JsonObject o, string key, string? parent = null) =>
            o[key] is JsonValue v && v.TryGetValue(out int n) && n >= 0 ? n : throw Bad(Join(parent, key), "a whole number");

        public UserInputException Bad(string key, string what) => new($"{path}: {key}: expected {what} ({Expected})");

        private static string Join(string? parent, string key) => parent is null ? key : parent + "." + key;
    }
}
