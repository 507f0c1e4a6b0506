using MultiRate.Core.Errors;

namespace MultiRate.Cli.Infrastructure;

/// <summary>Parsed command-line arguments: positionals, <c>--flag</c>s and <c>--option value</c>s.</summary>
/// <remarks>Every option must be declared by the command; anything else is a user error naming the argument.</remarks>
internal sealed class CliArgs
{
    private readonly Dictionary<string, string?> _options = new(StringComparer.Ordinal);
    private readonly string _command;

    private CliArgs(string command) => _command = command;

    public List<string> Positionals { get; } = [];

    /// <summary>Parses <paramref name="args"/> for <paramref name="command"/>.</summary>
    /// <param name="command">Command name, for messages.</param>
    /// <param name="args">Arguments after the command name.</param>
    /// <param name="flags">Options without a value.</param>
    /// <param name="valued">Options that take a value.</param>
    public static CliArgs Parse(string command, IReadOnlyList<string> args, IReadOnlyCollection<string> flags, IReadOnlyCollection<string> valued)
    {
        var parsed = new CliArgs(command);
        for (int i = 0; i < args.Count; i++)
        {
            string a = args[i];
            if (!a.StartsWith("--", StringComparison.Ordinal))
            {
                parsed.Positionals.Add(a);
                continue;
            }

            string name = a[2..];
            string? inlineValue = null;
            int eq = name.IndexOf('=', StringComparison.Ordinal);
            if (eq >= 0)
            {
                inlineValue = name[(eq + 1)..];
                name = name[..eq];
            }

            if (flags.Contains(name))
            {
                parsed._options[name] = null;
            }
            else if (valued.Contains(name))
            {
                string? value = inlineValue ?? (i + 1 < args.Count ? args[++i] : null);
                if (value is null)
                {
                    throw new UserInputException($"multirate {command}: option --{name} needs a value");
                }

                parsed._options[name] = value;
            }
            else
            {
                string known = string.Join(", ", flags.Concat(valued).Select(o => "--" + o).Order());
                throw new UserInputException($"multirate {command}: unknown option '{a}'; expected one of: {known}");
            }
        }

        return parsed;
    }

    public bool Has(string name) => _options.ContainsKey(name);

    public string? Get(string name) => _options.TryGetValue(name, out string? v) ? v : null;

    public double? GetDouble(string name, double min, double max)
    {
        string? v = Get(name);
        if (v is null)
        {
            return null;
        }

        if (!double.TryParse(v, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out double d) || d < min || d > max)
        {
            throw new UserInputException($"multirate {_command}: --{name} '{v}': expected a number from {min} to {max}");
        }

        return d;
    }

    public string? SinglePositional(string what, bool required)
    {
        if (Positionals.Count > 1)
        {
            throw new UserInputException($"multirate {_command}: expected one {what}, got {Positionals.Count}: {string.Join(' ', Positionals)}");
        }

        if (required && Positionals.Count == 0)
        {
            throw new UserInputException($"multirate {_command}: missing {what}");
        }

        return Positionals.Count == 0 ? null : Positionals[0];
    }
}
