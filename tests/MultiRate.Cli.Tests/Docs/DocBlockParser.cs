using System.Text.RegularExpressions;

namespace MultiRate.Cli.Tests.Docs;

/// <summary>
/// Finds the runnable blocks of a Markdown document: fenced blocks whose info string is exactly
/// <c>console</c>. Inside one, a line starting with <c>$ </c> is a command (a trailing <c>\</c>
/// continues it on the next line), a trailing <c># exit N</c> on the command sets the exit code it
/// must end with (0 otherwise), and every other non-empty line is output the command must print.
/// Blocks with any other info string (<c>text</c>, <c>yaml</c>, <c>bash</c>, <c>csharp</c>) are not run.
/// </summary>
internal static partial class DocBlockParser
{
    public const string Prompt = "$ ";

    public static IReadOnlyList<DocBlock> Parse(string document, string markdown)
    {
        string[] lines = markdown.ReplaceLineEndings("\n").Split('\n');
        var blocks = new List<DocBlock>();
        for (int i = 0; i < lines.Length; i++)
        {
            Match open = Fence().Match(lines[i]);
            if (!open.Success)
            {
                continue;
            }

            string fence = open.Groups["fence"].Value;
            bool runnable = open.Groups["info"].Value.Trim() == "console";
            int start = i;
            var body = new List<(int Line, string Text)>();
            for (i++; i < lines.Length && !IsClosing(lines[i], fence); i++)
            {
                body.Add((i + 1, lines[i]));
            }

            if (i == lines.Length)
            {
                throw new FormatException($"{document}:{start + 1}: code block never closed");
            }

            if (runnable)
            {
                blocks.Add(new DocBlock(document, start + 1, Commands(document, start + 1, body)));
            }
        }

        return blocks;
    }

    private static List<DocCommand> Commands(string document, int blockLine, List<(int Line, string Text)> body)
    {
        var commands = new List<(int Line, string Text, int Exit, List<string> Output)>();
        for (int j = 0; j < body.Count; j++)
        {
            (int line, string text) = body[j];
            if (!text.StartsWith(Prompt, StringComparison.Ordinal))
            {
                if (text.Trim().Length == 0)
                {
                    continue;
                }

                if (commands.Count == 0)
                {
                    throw new FormatException($"{document}:{line}: a console block must start with a '$ ' command (the block at line {blockLine})");
                }

                commands[^1].Output.Add(text.Trim());
                continue;
            }

            string command = text[Prompt.Length..].TrimEnd();
            while (command.EndsWith('\\'))
            {
                if (++j == body.Count)
                {
                    throw new FormatException($"{document}:{line}: the command's last line ends with '\\' but nothing follows");
                }

                command = command[..^1].TrimEnd() + " " + body[j].Text.Trim();
            }

            Match exit = ExitComment().Match(command);
            int expected = exit.Success ? int.Parse(exit.Groups["code"].Value) : 0;
            commands.Add((line, command, expected, []));
        }

        if (commands.Count == 0)
        {
            throw new FormatException($"{document}:{blockLine}: a console block without a '$ ' command");
        }

        return commands.ConvertAll(c => new DocCommand(c.Line, c.Text, c.Exit, c.Output));
    }

    private static bool IsClosing(string line, string fence)
    {
        string t = line.Trim();
        return t.Length >= fence.Length && t.All(c => c == fence[0]);
    }

    [GeneratedRegex(@"^\s{0,3}(?<fence>`{3,}|~{3,})(?<info>[^`]*)$")]
    private static partial Regex Fence();

    [GeneratedRegex(@"#\s*exit\s+(?<code>\d+)\s*$")]
    private static partial Regex ExitComment();
}
