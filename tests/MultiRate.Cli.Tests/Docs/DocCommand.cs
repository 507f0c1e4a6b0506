namespace MultiRate.Cli.Tests.Docs;

/// <summary>One <c>$ </c> command of a runnable block, with what the doc says it must do.</summary>
/// <param name="Line">1-based line of the command in its document (the first line when continued).</param>
/// <param name="Text">The command as a shell would read it: continuation lines joined, the trailing <c># exit N</c> kept (bash ignores it).</param>
/// <param name="ExpectedExit">0 unless the command line ends with <c># exit N</c>.</param>
/// <param name="ExpectedOutput">The lines shown under the command, in order; <c>...</c> is a wildcard.</param>
internal sealed record DocCommand(int Line, string Text, int ExpectedExit, IReadOnlyList<string> ExpectedOutput);
