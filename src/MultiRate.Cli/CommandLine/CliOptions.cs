using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace MultiRate.Cli.CommandLine;

/// <summary>
/// Builds the CLI's options: every value option parses with the invariant culture and refuses NaN, infinities
/// and out-of-range values with a message naming the option, so a bad number never reaches a command body.
/// </summary>
internal static class CliOptions
{
    /// <summary>An on/off switch.</summary>
    public static Option<bool> Flag(string name, string description) => new(name) { Description = description };

    /// <summary>A text value (a path, a topic, a name), absent as null.</summary>
    public static Option<string?> Text(string name, string valueName, string description) =>
        new(name) { Description = description, HelpName = valueName };

    /// <summary>A finite number within [<paramref name="min"/>, <paramref name="max"/>], absent as null.</summary>
    public static Option<double?> Number(string name, string valueName, string description, double min, double max) => new(name)
    {
        Description = description,
        HelpName = valueName,
        CustomParser = r => ParseNumber(r, name, min, max),
    };

    /// <summary>A whole number within [<paramref name="min"/>, <paramref name="max"/>], absent as null.</summary>
    public static Option<int?> Whole(string name, string valueName, string description, int min, int max) => new(name)
    {
        Description = description,
        HelpName = valueName,
        CustomParser = r => ParseWhole(r, name, min, max) is long v ? (int)v : null,
    };

    /// <summary>A whole number within [<paramref name="min"/>, <paramref name="max"/>] that may exceed <see cref="int"/>, absent as null.</summary>
    public static Option<long?> Long(string name, string valueName, string description, long min, long max) => new(name)
    {
        Description = description,
        HelpName = valueName,
        CustomParser = r => ParseWhole(r, name, min, max),
    };

    /// <summary>One of <paramref name="values"/> (the first <paramref name="shown"/> of them in help and completion), absent as null.</summary>
    public static Option<string?> Choice(string name, string description, int shown, params string[] values)
    {
        string listed = string.Join(", ", values.Take(shown));
        var option = new Option<string?>(name)
        {
            Description = description,
            HelpName = string.Join('|', values.Take(shown)),
            CustomParser = r =>
            {
                string text = r.Tokens.Count == 0 ? string.Empty : r.Tokens[0].Value;
                if (values.Contains(text, StringComparer.Ordinal))
                {
                    return text;
                }

                r.AddError($"{name} '{text}': expected one of {listed}");
                return null;
            },
        };
        option.CompletionSources.Add(values.Take(shown).ToArray());
        return option;
    }

    /// <summary>A positional argument that may be left out here and is then reported by <see cref="RequireArgument"/> in words.</summary>
    public static Argument<string?> Positional(string name, string description) => new(name)
    {
        Description = description,
        Arity = ArgumentArity.ZeroOrOne,
    };

    /// <summary>Makes <paramref name="option"/> required with <paramref name="message"/> (the command's own words) when it is absent.</summary>
    public static void RequireOption(Command command, Option option, string message)
    {
        option.Description += " (required)";
        command.Validators.Add(r =>
        {
            if (r.GetResult(option) is null)
            {
                r.AddError(message);
            }
        });
    }

    /// <summary>Makes <paramref name="argument"/> required with <paramref name="message"/> when it is absent.</summary>
    public static void RequireArgument(Command command, Argument<string?> argument, string message)
    {
        command.Validators.Add(r =>
        {
            if (r.GetResult(argument) is not { Tokens.Count: > 0 })
            {
                r.AddError(message);
            }
        });
    }

    private static double? ParseNumber(ArgumentResult r, string name, double min, double max)
    {
        string text = r.Tokens.Count == 0 ? string.Empty : r.Tokens[0].Value;
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double v) && double.IsFinite(v) && v >= min && v <= max)
        {
            return v;
        }

        r.AddError($"{name} '{text}': expected a finite number from {Format(min)} to {Format(max)}");
        return null;
    }

    private static long? ParseWhole(ArgumentResult r, string name, long min, long max)
    {
        string text = r.Tokens.Count == 0 ? string.Empty : r.Tokens[0].Value;
        if (long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out long v) && v >= min && v <= max)
        {
            return v;
        }

        r.AddError($"{name} '{text}': expected a whole number from {min.ToString(CultureInfo.InvariantCulture)} to {max.ToString(CultureInfo.InvariantCulture)}");
        return null;
    }

    // Bounds as people write them: 0.001 and 10000000, but 1E-09 rather than 0.
    private static string Format(double v) => v is > 0 and < 1e-3
        ? v.ToString("G", CultureInfo.InvariantCulture)
        : v.ToString("0.######", CultureInfo.InvariantCulture);
}
