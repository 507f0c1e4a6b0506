using System.CommandLine;
using System.CommandLine.Parsing;

namespace MultiRate.Cli.CommandLine;

/// <summary>
/// Reports a command line that did not parse: one line per problem on stderr, prefixed with the command
/// (<c>multirate train: --epochs '0': ...</c>), a "did you mean" for a mistyped command or option, and the
/// exit code for bad input (2), never System.CommandLine's default of 1, which means an internal error here.
/// </summary>
internal static class ParseErrors
{
    /// <summary>Exit code for bad input: arguments, profiles, configs, logs, weights.</summary>
    public const int BadInput = 2;

    public static int Report(ParseResult result, CliContext ctx)
    {
        Command command = result.CommandResult.Command;
        string where = CommandTree.PathOf(command);
        bool missingCommand = command.Subcommands.Count > 0 && command.Action is null;
        string? previous = null;
        foreach (string token in result.UnmatchedTokens)
        {
            // The value after an unknown option is that option's, not a second mistake.
            if (previous is null || !previous.StartsWith('-') || token.StartsWith('-'))
            {
                ctx.Stderr.WriteLine($"{where}: {Unmatched(command, token)}");
            }

            previous = token;
        }

        foreach (ParseError error in result.Errors)
        {
            // System.CommandLine reports each unmatched token once more in its own words, and a missing
            // subcommand in words that do not say which; both are said above or below.
            bool said = result.UnmatchedTokens.Any(t => error.Message.Contains($"'{t}'", StringComparison.Ordinal))
                || (missingCommand && error.SymbolResult == result.CommandResult);
            if (!said)
            {
                ctx.Stderr.WriteLine($"{where}: {error.Message}");
            }
        }

        if (missingCommand && result.UnmatchedTokens.Count == 0)
        {
            ctx.Stderr.WriteLine($"{where}: missing command; expected one of: {Names(command)}");
        }

        if (missingCommand && result.UnmatchedTokens.Count == 0)
        {
            // "multirate" or "multirate bench" alone: show what there is to choose from.
            string[] helpArgs = [.. where.Split(' ').Skip(1), "--help"];
            result.RootCommandResult.Command.Parse(helpArgs).Invoke(new InvocationConfiguration { Output = ctx.Stdout, Error = ctx.Stderr });
        }
        else
        {
            ctx.Stderr.WriteLine($"see '{where} --help'");
        }

        return BadInput;
    }

    private static string Unmatched(Command command, string token)
    {
        bool isOption = token.StartsWith('-');
        string what = isOption ? "unknown option" : command.Subcommands.Count > 0 ? "unknown command" : "unexpected argument";
        IEnumerable<string> names = isOption
            ? command.Options.Concat(command.Parents.OfType<Command>().SelectMany(p => p.Options).Where(o => o.Recursive))
                .Where(o => !o.Hidden).SelectMany(o => o.Aliases.Prepend(o.Name))
            : command.Subcommands.Where(c => !c.Hidden).Select(c => c.Name);
        IReadOnlyList<string> similar = TypoSuggestions.Similar(token, names.Distinct().ToList());
        if (similar.Count > 0)
        {
            return $"{what} '{token}'; did you mean {string.Join(" or ", similar.Select(s => $"'{s}'"))}?";
        }

        return isOption || command.Subcommands.Count == 0
            ? $"{what} '{token}'"
            : $"{what} '{token}'; expected one of: {Names(command)}";
    }

    private static string Names(Command command) => string.Join(", ", command.Subcommands.Where(c => !c.Hidden).Select(c => c.Name));
}
