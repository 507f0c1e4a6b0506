using System.CommandLine;
using System.CommandLine.Invocation;
using MultiRate.Core.Errors;

namespace MultiRate.Cli.CommandLine;

/// <summary>
/// Parses a command line against the <see cref="CommandTree"/> and runs the chosen command, keeping the exit
/// codes: 0 ok, 2 bad input (a parse error or a <see cref="UserInputException"/>: its message on stderr),
/// 1 internal error (one line on stderr, the trace in a <see cref="CrashLog"/> file).
/// </summary>
internal static class CliHost
{
    /// <summary>Exit code for an internal error.</summary>
    public const int InternalError = 1;

    // Response files (@file) are off: a path that starts with '@' is a path, and an argument never reads a file unasked.
    private static readonly ParserConfiguration Parsing = new() { ResponseFileTokenReplacer = null };

    /// <summary>Runs <paramref name="args"/>.</summary>
    /// <param name="args">The command line after the program name.</param>
    /// <param name="ctx">Streams, console and stop signal.</param>
    /// <param name="extend">Test seam: adds commands to the tree before parsing.</param>
    /// <param name="crashLogDirectory">Where internal-error traces go; null: <see cref="CrashLog.DefaultDirectory"/>.</param>
    public static int Run(string[] args, CliContext ctx, Action<RootCommand, CliContext>? extend = null, string? crashLogDirectory = null)
    {
        if (args is ["help", .. string[] topic])
        {
            // "multirate help bench" reads as "multirate bench --help", as it did before the command tree.
            args = [.. topic, "--help"];
        }

        try
        {
            RootCommand root = CommandTree.Build(ctx);
            extend?.Invoke(root, ctx);
            ParseResult parsed = root.Parse(args, Parsing);
            if (parsed.Action is ParseErrorAction)
            {
                return ParseErrors.Report(parsed, ctx);
            }

            return parsed.Invoke(new InvocationConfiguration
            {
                Output = ctx.Stdout,
                Error = ctx.Stderr,

                // Exceptions come here (exit 1 with a trace file, or 2 for bad input), and signals are Main's.
                EnableDefaultExceptionHandler = false,
                ProcessTerminationTimeout = null,
            });
        }
        catch (UserInputException ex)
        {
            ctx.Stderr.WriteLine(ex.Message);
            return ParseErrors.BadInput;
        }
        catch (Exception ex) when (OutOfSpace.Find(ex) is { } full)
        {
            // A full disk or quota is the machine's state, not a bug: exit 2 naming the file, from any writer.
            ctx.Stderr.WriteLine($"multirate: no space left to write: {OneLine(full.Message)}; free some space or write elsewhere");
            return ParseErrors.BadInput;
        }
        catch (OperationCanceledException) when (ctx.StopRequested)
        {
            ctx.Stderr.WriteLine("multirate: stopped by a signal before the command finished");
            return InternalError;
        }
        catch (Exception ex)
        {
            // The last line of defence: whatever a command did not expect becomes one line, never a stack trace on the terminal.
            string? log = CrashLog.Write(ex, args, crashLogDirectory ?? CrashLog.DefaultDirectory());
            string details = log is null ? "the trace could not be written to a log file" : $"details in {log}";
            ctx.Stderr.WriteLine($"multirate: internal error: {OneLine(ex.Message)}; {details}");
            return InternalError;
        }
    }

    private static string OneLine(string message) => message.ReplaceLineEndings(" ").Trim();
}
