using System.CommandLine;
using System.Text;

namespace MultiRate.Cli.Tests.CommandLine;

/// <summary>The command reference in docs/cli.md, generated from the command tree so it cannot drift from it.</summary>
internal static class CliReference
{
    public const string Begin = "<!-- BEGIN GENERATED: commands (from the command tree; CliReferenceTests regenerates it) -->";
    public const string End = "<!-- END GENERATED: commands -->";

    public static string Generate(RootCommand root)
    {
        var md = new StringBuilder();
        var pending = new Stack<(string Path, Command Command)>();
        foreach (Command c in root.Subcommands.Reverse())
        {
            pending.Push(("multirate " + c.Name, c));
        }

        while (pending.Count > 0)
        {
            (string path, Command command) = pending.Pop();
            Write(md, path, command);
            foreach (Command sub in command.Subcommands.Reverse())
            {
                pending.Push(($"{path} {sub.Name}", sub));
            }
        }

        return md.ToString();
    }

    /// <summary>Replaces the generated region of <paramref name="document"/> with <paramref name="generated"/>.</summary>
    public static string Splice(string document, string generated)
    {
        int begin = document.IndexOf(Begin, StringComparison.Ordinal);
        int end = document.IndexOf(End, StringComparison.Ordinal);
        if (begin < 0 || end < begin)
        {
            throw new InvalidOperationException($"docs/cli.md lacks the markers {Begin} ... {End}");
        }

        return string.Concat(document.AsSpan(0, begin + Begin.Length), "\n\n", generated, document.AsSpan(end));
    }

    private static void Write(StringBuilder md, string path, Command command)
    {
        (string text, string? examples) = SplitExamples(command.Description ?? string.Empty);
        string arguments = string.Concat(command.Arguments.Select(a => $" <{a.Name}>"));
        string usage = (command.Subcommands.Count, command.Arguments.Count) switch
        {
            (0, _) => $"{path}{arguments} [options]",
            (_, 0) => $"{path} <command> [options]",

            // Both (test SUITE, test merge ...): the command's own form first, then its subcommands'.
            _ => $"{path}{arguments} [options]` or `{path} <command> [options]",
        };
        md.Append("### `").Append(path).Append("`\n\n");
        md.Append(text).Append("\n\n");
        md.Append("Usage: `").Append(usage).Append("`");
        if (examples is not null)
        {
            md.Append("; ").Append(examples);
        }

        md.Append(".\n\n");
        if (command.Subcommands.Count > 0)
        {
            md.Append("| Command | What it does |\n|---|---|\n");
            foreach (Command sub in command.Subcommands)
            {
                md.Append("| [`").Append(sub.Name).Append("`](#").Append(Anchor($"{path} {sub.Name}")).Append(") | ")
                    .Append(Cell(SplitExamples(sub.Description ?? string.Empty).Text)).Append(" |\n");
            }

            md.Append('\n');
        }

        var rows = command.Arguments.Select(a => ($"`<{a.Name}>`", a.Description))
            .Concat(command.Options.Where(o => !o.Hidden && o.Name != "--help").Select(o => (Label(o), o.Description)))
            .ToList();
        if (rows.Count > 0)
        {
            md.Append("| Argument or option | Meaning |\n|---|---|\n");
            foreach ((string label, string? description) in rows)
            {
                md.Append("| ").Append(Cell(label)).Append(" | ").Append(Cell(description ?? string.Empty)).Append(" |\n");
            }

            md.Append('\n');
        }
    }

    private static string Label(Option o)
    {
        string names = string.Join(", ", o.Aliases.Order(StringComparer.Ordinal).Append(o.Name).Select(n => $"`{n}`"));
        return o.ValueType == typeof(bool) ? names : $"{names} `<{o.HelpName ?? "value"}>`";
    }

    private static (string Text, string? Examples) SplitExamples(string description)
    {
        foreach (string marker in new[] { " Examples: ", " Example: " })
        {
            int at = description.IndexOf(marker, StringComparison.Ordinal);
            if (at >= 0)
            {
                string examples = string.Join(", ", description[(at + marker.Length)..].Split("; ").Select(e => $"`{e}`"));
                return (description[..at], (marker.Contains('s', StringComparison.Ordinal) ? "examples: " : "example: ") + examples);
            }
        }

        return (description, null);
    }

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal);

    // GitHub's heading anchors: lower case, punctuation other than '-' and ' ' dropped, spaces to '-'.
    private static string Anchor(string heading) =>
        new string(heading.ToLowerInvariant().Where(c => char.IsLetterOrDigit(c) || c is '-' or ' ').ToArray()).Replace(' ', '-');
}
