using System.CommandLine;
using System.CommandLine.Invocation;
using System.Reflection;

namespace MultiRate.Cli.CommandLine;

/// <summary>
/// <c>--version</c>: this assembly's informational version, which the build ends with <c>+</c> and the git
/// commit (<c>+unknown</c> when built outside a clone). Read from this assembly, not the entry one, so that
/// in-process tests see the tool's version rather than the test host's.
/// </summary>
internal sealed class VersionAction : SynchronousCommandLineAction
{
    /// <summary>The version text, e.g. <c>1.0.0+3f2a1bc</c>.</summary>
    public static string Text { get; } =
        typeof(VersionAction).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";

    /// <inheritdoc/>
    public override int Invoke(ParseResult parseResult)
    {
        parseResult.InvocationConfiguration.Output.WriteLine($"{CommandTree.ToolName} {Text}");
        return 0;
    }
}
