using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace MultiRate.Cli.Suites;

/// <summary>Parses an expectation's comparison (<c>== 0</c>, <c>&lt; 250</c>, <c>== "2279b3..."</c>, <c>== true</c>) and checks it against a summary.</summary>
internal static class Expectations
{
    /// <summary>The comparison in <paramref name="text"/> on <paramref name="path"/>; null with <paramref name="error"/> set when it is malformed.</summary>
    public static Expectation? Parse(SummaryPath path, string text, out string? error)
    {
        string trimmed = text.Trim();
        string? op = Expectation.Operators.FirstOrDefault(o => trimmed.StartsWith(o, StringComparison.Ordinal));
        if (op is null)
        {
            error = $"'{text}' is not a comparison: expected one of {string.Join(' ', Expectation.Operators)} and a value, e.g. \"== 0\" or \"< 250\" " +
                "(quote it: YAML reads a leading '>' or '!' itself)";
            return null;
        }

        string operand = trimmed[op.Length..].Trim();
        object? value = operand switch
        {
            "true" => true,
            "false" => false,
            _ when operand.Length >= 2 && operand[0] == '"' && operand[^1] == '"' => operand[1..^1],
            _ when double.TryParse(operand, NumberStyles.Float, CultureInfo.InvariantCulture, out double d) && double.IsFinite(d) => d,
            _ => null,
        };
        if (value is null)
        {
            error = $"'{text}': the value '{operand}' is not a finite number, true, false or a \"double-quoted string\"";
            return null;
        }

        if (value is not double && op is not ("==" or "!="))
        {
            error = $"'{text}': {op} compares numbers only; strings and true/false take == or !=";
            return null;
        }

        error = null;
        return new Expectation(path, op, value, $"{path.Text} {op} {operand}");
    }

    /// <summary>Null when <paramref name="actual"/> meets <paramref name="e"/>; otherwise the failure as the report shows it.</summary>
    public static string? Check(Expectation e, JsonNode? actual)
    {
        bool met = (e.Operand, actual?.GetValueKind()) switch
        {
            (double expected, JsonValueKind.Number) => Compare(e.Op, Number(actual!).CompareTo(expected)),
            (string expected, JsonValueKind.String) => Equal(e.Op, actual!.GetValue<string>() == expected),
            (bool expected, JsonValueKind.True or JsonValueKind.False) => Equal(e.Op, actual!.GetValue<bool>() == expected),
            _ => false,
        };
        return met ? null : $"{e.Text}: got {Describe(actual)}";
    }

    private static bool Compare(string op, int sign) => op switch
    {
        "==" => sign == 0,
        "!=" => sign != 0,
        "<" => sign < 0,
        "<=" => sign <= 0,
        ">" => sign > 0,
        _ => sign >= 0,
    };

    /// <summary>Any JSON number as a double, whether parsed from text or built in memory from an int or a long.</summary>
    private static double Number(JsonNode n) => double.Parse(n.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture);

    private static bool Equal(string op, bool equal) => op == "==" ? equal : !equal;

    private static string Describe(JsonNode? actual) => actual switch
    {
        null => "null",
        JsonValue v when v.GetValueKind() == JsonValueKind.String => $"\"{v.GetValue<string>()}\"",
        JsonObject => "a mapping",
        JsonArray => "a list",
        _ => actual.ToJsonString(),
    };
}
