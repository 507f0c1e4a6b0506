using MultiRate.Cli.CommandLine;
using MultiRate.Cli.Infrastructure;
using Spectre.Console;

namespace MultiRate.Cli;

/// <summary>The <c>multirate</c> command; its commands and options are defined in <see cref="CommandTree"/>.</summary>
internal static class Program
{
    public static int Main(string[] args)
    {
        if (RawArguments.FindNonUtf8(args.Length) is { } notUtf8)
        {
            Console.Error.WriteLine(notUtf8);
            return ParseErrors.BadInput;
        }

        using var stop = new CancellationTokenSource();
        using var signals = new StopSignals(stop);
        IAnsiConsole console = AnsiConsole.Console;
        if (Console.IsOutputRedirected)
        {
            // A log file or CI has no width: Spectre would assume 80 columns and wrap every table.
            console.Profile.Width = 200;
        }

        return CliHost.Run(args, new CliContext(Console.Out, Console.Error, console, stop.Token, signals.StopGracefully));
    }

    /// <summary>Runs one command; the testable entry point. Exit codes: 0 ok, 2 bad input, 1 internal error.</summary>
    internal static int Run(string[] args, TextWriter stdout, TextWriter stderr, IAnsiConsole console, CancellationToken cancellation) =>
        CliHost.Run(args, new CliContext(stdout, stderr, console, cancellation));
}
