namespace MultiRate.Cli.CommandLine;

/// <summary>Where a command writes and what stops it: the process's streams in <c>Main</c>, captured writers in tests.</summary>
/// <param name="Stdout">Results (tables, JSON, help).</param>
/// <param name="Stderr">Errors, warnings and progress notes.</param>
/// <param name="Console">The terminal, for live tables and progress bars.</param>
/// <param name="Cancellation">Signalled by SIGINT, SIGTERM, SIGQUIT or SIGHUP.</param>
internal sealed record CliContext(TextWriter Stdout, TextWriter Stderr, Spectre.Console.IAnsiConsole Console, CancellationToken Cancellation);
