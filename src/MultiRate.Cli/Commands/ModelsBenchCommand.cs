using MultiRate.Cli.Infrastructure;
using MultiRate.Core.Errors;
using Spectre.Console;

namespace MultiRate.Cli.Commands;

/// <summary><c>multirate bench models</c>: head and context latency, and the dense-vs-multirate headline.</summary>
internal static class ModelsBenchCommand
{
    public static int Execute(CliArgs a, TextWriter stdout, IAnsiConsole console) =>
        throw new UserInputException("multirate bench models: not wired yet");
}
