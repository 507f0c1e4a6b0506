using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;

namespace MultiRate.Cli.Tests.Docs;

/// <summary>
/// Runs a runnable block as a reader would type it, in a fresh <see cref="DocWorkspace"/>: each command
/// through <c>bash -c</c> (pipes, redirections and <c>head -c</c> work as in a terminal), stdout and
/// stderr merged in the order printed, <c>pipefail</c> on, so a failing <c>multirate</c> in a pipe
/// fails the command. <c>dotnet run [-c Release] --project src/MultiRate.Cli --</c> is read as
/// <c>multirate</c>: the test runs the CLI it was built with instead of rebuilding it.
/// </summary>
internal static partial class DocBlockRunner
{
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromMinutes(3);

    /// <summary>Runs the block's commands in order; returns null when all did what the doc says, else the first difference.</summary>
    public static string? Run(DocBlock block, string repoRoot, string cliAssembly)
    {
        using DocWorkspace workspace = DocWorkspace.Create(repoRoot, cliAssembly);
        foreach (DocCommand command in block.Commands)
        {
            (int code, string output) = Execute(workspace, Rewrite(command.Text));
            string where = $"{block.Document}:{command.Line}: $ {command.Text}";
            if (code != command.ExpectedExit)
            {
                return $"{where}{Environment.NewLine}exited {code}, the doc says {command.ExpectedExit}; it printed:{Environment.NewLine}{output}";
            }

            if (OutputMatcher.Mismatch(command.ExpectedOutput, output) is string mismatch)
            {
                return $"{where}{Environment.NewLine}{mismatch}{Environment.NewLine}it printed:{Environment.NewLine}{output}";
            }
        }

        return null;
    }

    /// <summary>The command with the from-a-clone spelling of the CLI replaced by <c>multirate</c>.</summary>
    public static string Rewrite(string command) => DotnetRun().Replace(command, "multirate");

    private static (int Code, string Output) Execute(DocWorkspace workspace, string command)
    {
        var start = new ProcessStartInfo("bash")
        {
            WorkingDirectory = workspace.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add("set -o pipefail\nexec 2>&1\n" + command);
        start.Environment["PATH"] = workspace.Bin + Path.PathSeparator + Environment.GetEnvironmentVariable("PATH");
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["NO_COLOR"] = "1";

        using Process process = Process.Start(start)!;
        var output = new StringBuilder();
        Task<string> stdout = process.StandardOutput.ReadToEndAsync();
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(CommandTimeout))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            return (-1, $"(killed after {CommandTimeout.TotalSeconds} s){Environment.NewLine}{stdout.Result}{stderr.Result}");
        }

        output.Append(stdout.Result).Append(stderr.Result);
        return (process.ExitCode, output.ToString());
    }

    [GeneratedRegex(@"dotnet run (-c \w+ )?--project src/MultiRate\.Cli --")]
    private static partial Regex DotnetRun();
}
