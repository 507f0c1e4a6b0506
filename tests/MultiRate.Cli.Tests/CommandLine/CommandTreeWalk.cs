using System.CommandLine;
using MultiRate.Cli.CommandLine;
using Spectre.Console;

namespace MultiRate.Cli.Tests.CommandLine;

/// <summary>The CLI's command tree, walked: every command and subcommand with the words that name it on a command line.</summary>
internal static class CommandTreeWalk
{
    public static RootCommand Root() => CommandTree.Build(new CliContext(TextWriter.Null, TextWriter.Null, AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(TextWriter.Null) }), CancellationToken.None));

    /// <summary>Every command below the root, as (words after "multirate", command).</summary>
    public static IEnumerable<(string[] Path, Command Command)> Commands()
    {
        var pending = new Stack<(string[], Command)>();
        foreach (Command c in Root().Subcommands)
        {
            pending.Push(([c.Name], c));
        }

        while (pending.Count > 0)
        {
            (string[] path, Command command) = pending.Pop();
            yield return (path, command);
            foreach (Command sub in command.Subcommands)
            {
                pending.Push(([.. path, sub.Name], sub));
            }
        }
    }

    /// <summary>For a theory: every command path, root included (as an empty path), joined with spaces.</summary>
    public static TheoryData<string> Paths()
    {
        var data = new TheoryData<string> { string.Empty };
        foreach ((string[] path, _) in Commands().OrderBy(c => string.Join(' ', c.Path), StringComparer.Ordinal))
        {
            data.Add(string.Join(' ', path));
        }

        return data;
    }

    public static Command Find(string path)
    {
        Command command = Root();
        foreach (string word in path.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            command = command.Subcommands.Single(c => c.Name == word);
        }

        return command;
    }
}
