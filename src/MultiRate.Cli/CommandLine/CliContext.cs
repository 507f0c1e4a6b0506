using Spectre.Console;

namespace MultiRate.Cli.CommandLine;

/// <summary>Where a command writes and how it learns of a stop signal: the process's streams in <c>Main</c>, captured writers in tests.</summary>
/// <param name="stdout">Results (tables, JSON, help).</param>
/// <param name="stderr">Errors, warnings and progress notes.</param>
/// <param name="console">The terminal, for live tables and progress bars.</param>
/// <param name="cancellation">Signalled by SIGINT, SIGTERM, SIGQUIT or SIGHUP.</param>
/// <param name="observing">Told when the running command takes <see cref="StopToken"/>, i.e. promises to stop on it.</param>
internal sealed class CliContext(TextWriter stdout, TextWriter stderr, IAnsiConsole console, CancellationToken cancellation, Action? observing = null)
{
    /// <summary>Results (tables, JSON, help).</summary>
    public TextWriter Stdout { get; } = stdout;

    /// <summary>Errors, warnings and progress notes.</summary>
    public TextWriter Stderr { get; } = stderr;

    /// <summary>The terminal, for live tables and progress bars.</summary>
    public IAnsiConsole Console { get; } = console;

    /// <summary>Whether a stop signal has arrived.</summary>
    public bool StopRequested => cancellation.IsCancellationRequested;

    /// <summary>
    /// The stop signal's token, for a command that stops on it by itself (a run ends on the safe action and
    /// writes its summary). Taking it tells <c>Main</c> to leave the process alive on a signal; a command that
    /// never takes it is ended by the signal's default action instead, so nothing ignores Ctrl-C.
    /// </summary>
    public CancellationToken StopToken()
    {
        observing?.Invoke();
        return cancellation;
    }
}
