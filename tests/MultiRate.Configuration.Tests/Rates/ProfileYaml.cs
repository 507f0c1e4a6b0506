using MultiRate.Configuration.Rates;
using MultiRate.Core.Errors;
using Xunit;

namespace MultiRate.Configuration.Tests.Rates;

/// <summary>A small valid profile (line numbers matter to the tests) and helpers to break it.</summary>
internal static class ProfileYaml
{
    public const string File = "rates/test.yaml";

    // Line numbers:     1
    public const string Valid =
        """
        name: test
        base_tick_hz: 1000
        modules:
          context: { kind: context }
          head: { kind: action_head }
        clocks:
          context: { rate_hz: 10, budget_us: 60000, module: context, history: 16 }
          head: { rate_hz: 1000, budget_us: 500, overrun: hold, module: head }
        handoffs:
          - { from: context, to: head }
        latent:
          age_limit_ms: 250
        action:
          dimension: 2
          safe: [0, 0]
          min: [-1, -1]
          max: [1, 1]
        """;

    /// <summary>The valid profile with one exact substring replaced (which must exist).</summary>
    public static string With(string find, string replace)
    {
        Assert.Contains(find, Valid, StringComparison.Ordinal);
        return Valid.Replace(find, replace, StringComparison.Ordinal);
    }

    /// <summary>Parses text that must fail and returns its errors.</summary>
    public static IReadOnlyList<ValidationError> Errors(string yaml)
    {
        var ex = Assert.Throws<ValidationException>(() => RateProfileLoader.Parse(yaml, File));
        Assert.NotEmpty(ex.Errors);
        return ex.Errors;
    }

    /// <summary>Parses text that must fail with exactly one error and returns it.</summary>
    public static ValidationError Single(string yaml) => Assert.Single(Errors(yaml));

    /// <summary>1-based (line, column) of the first occurrence of <paramref name="text"/>.</summary>
    public static (int Line, int Column) Position(string yaml, string text)
    {
        string[] lines = yaml.Split('\n');
        for (int i = 0; i < lines.Length; i++)
        {
            int col = lines[i].IndexOf(text, StringComparison.Ordinal);
            if (col >= 0)
            {
                return (i + 1, col + 1);
            }
        }

        throw new InvalidOperationException($"'{text}' not in yaml");
    }

    /// <summary>Asserts an error sits at the start of <paramref name="text"/>.</summary>
    public static void AssertAt(ValidationError error, string yaml, string text)
    {
        var (line, column) = Position(yaml, text);
        Assert.Equal(File, error.File);
        Assert.Equal(line, error.Line);
        Assert.Equal(column, error.Column);
    }
}
