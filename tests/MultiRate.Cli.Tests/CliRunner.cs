using Spectre.Console;

namespace MultiRate.Cli.Tests;

/// <summary>Runs the CLI in-process from the repository root and captures its output.</summary>
internal static class CliRunner
{
    /// <summary>The current directory is process-wide: one CLI run at a time, whatever collection a test is in.</summary>
    private static readonly Lock CwdGate = new();

    public static string RepoRoot { get; } = MultiRate.Tests.Shared.RepoRoot.Path;

    public static (int Code, string Out, string Err) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(stdout), ColorSystem = ColorSystemSupport.NoColors });
        int code = InRepoRoot(() => Program.Run(args, stdout, stderr, console, CancellationToken.None));
        return (code, stdout.ToString(), stderr.ToString());
    }

    /// <summary>Runs <paramref name="body"/> with the repository root as the current directory (relative default paths resolve there).</summary>
    public static T InRepoRoot<T>(Func<T> body)
    {
        lock (CwdGate)
        {
            string cwd = Environment.CurrentDirectory;
            try
            {
                Environment.CurrentDirectory = RepoRoot;
                return body();
            }
            finally
            {
                Environment.CurrentDirectory = cwd;
            }
        }
    }

    /// <inheritdoc cref="InRepoRoot{T}(Func{T})"/>
    public static void InRepoRoot(Action body) => InRepoRoot(() =>
    {
        body();
        return 0;
    });

    public static string TempFile(string name, string text)
    {
        string dir = Path.Combine(Path.GetTempPath(), "multirate-cli-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        string path = Path.Combine(dir, name);
        File.WriteAllText(path, text);
        return path;
    }
}

/// <summary>CLI tests change the current directory: run them one at a time.</summary>
[CollectionDefinition("cli", DisableParallelization = true)]
public sealed class CliCollection
{
}
