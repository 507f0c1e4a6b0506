using System.CommandLine;
using MultiRate.Cli.CommandLine;
using MultiRate.Core.Errors;
using Spectre.Console;

namespace MultiRate.Cli.Tests.CommandLine;

/// <summary>The top-level handler: an unexpected exception is one line and a trace file, exit 1; bad input stays exit 2.</summary>
public class InternalErrorTests
{
    [Fact]
    public void Run_CommandThrowsUnexpectedly_ExitOneWithOneLineAndATraceFile()
    {
        string dir = Path.Combine(Path.GetTempPath(), "multirate-crash-tests", Guid.NewGuid().ToString("N"));

        var (code, output, err) = Run(["boom", "--flag"], () => throw new InvalidOperationException("the widget\nfell over"), dir);

        Assert.Equal(1, code);
        Assert.Equal(string.Empty, output);
        string line = Assert.Single(err.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("multirate: internal error: the widget fell over; details in ", line, StringComparison.Ordinal);
        string path = line["multirate: internal error: the widget fell over; details in ".Length..].Trim();
        Assert.Equal(dir, Path.GetDirectoryName(path));
        Assert.Matches(@"crash-\d{8}T\d{6}\.\d{3}Z-\d+\.log$", path);
        string trace = File.ReadAllText(path);
        Assert.Contains("System.InvalidOperationException: the widget", trace, StringComparison.Ordinal);
        Assert.Contains(nameof(InternalErrorTests), trace, StringComparison.Ordinal); // the stack trace, down to the throwing frame
        Assert.Contains("command line: boom --flag", trace, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_TraceDirectoryUnwritable_FallsBackToTheTempDirectory()
    {
        string file = Path.Combine(Path.GetTempPath(), "multirate-crash-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        File.WriteAllText(file, "a file, so no directory can be created here");

        var (code, _, err) = Run(["boom"], () => throw new InvalidOperationException("x"), Path.Combine(file, "sub"));

        Assert.Equal(1, code);
        string prefix = $"details in {Path.Combine(Path.GetTempPath(), "multirate")}{Path.DirectorySeparatorChar}crash-";
        Assert.Contains(prefix, err, StringComparison.Ordinal);
        File.Delete(err[(err.IndexOf("details in ", StringComparison.Ordinal) + "details in ".Length)..].Trim());
    }

    [Fact]
    public void Run_CommandReportsBadInput_ExitTwoWithItsMessageOnly()
    {
        var (code, _, err) = Run(["boom"], () => throw new UserInputException("profile.yaml:3: budget_us: expected a number"), Path.GetTempPath());

        Assert.Equal(2, code);
        Assert.Equal("profile.yaml:3: budget_us: expected a number", err.Trim());
    }

    [Fact]
    public void Run_CancelledByASignal_ExitOneSayingSoWithoutATrace()
    {
        using var stop = new CancellationTokenSource();
        stop.Cancel();
        var (code, _, err) = Run(["boom"], () => stop.Token.ThrowIfCancellationRequested(), Path.GetTempPath(), stop.Token);

        Assert.Equal(1, code);
        Assert.Equal("multirate: stopped by a signal before the command finished", err.Trim());
    }

    [Theory]
    [InlineData(28)] // ENOSPC
    [InlineData(122)] // EDQUOT
    public void Run_AWriterRunsOutOfSpace_ExitTwoNamingTheFileWithoutATrace(int errno)
    {
        string dir = Path.Combine(Path.GetTempPath(), "multirate-crash-tests", Guid.NewGuid().ToString("N"));
        var full = new IOException("No space left on device : '/data/out/head.safetensors'", errno);

        // Wrapped, as a library that writes to a path may hand it on.
        var (code, _, err) = Run(["boom"], () => throw new InvalidOperationException("saving failed", full), dir);

        Assert.Equal(2, code);
        Assert.Equal("multirate: no space left to write: No space left on device : '/data/out/head.safetensors'; free some space or write elsewhere", err.Trim());
        Assert.False(Directory.Exists(dir), "no crash trace for a full disk");
    }

    [Fact]
    public void Run_AnotherIoError_StaysAnInternalError()
    {
        string dir = Path.Combine(Path.GetTempPath(), "multirate-crash-tests", Guid.NewGuid().ToString("N"));

        var (code, _, err) = Run(["boom"], () => throw new IOException("Input/output error", 5), dir);

        Assert.Equal(1, code);
        Assert.StartsWith("multirate: internal error: Input/output error", err, StringComparison.Ordinal);
        Directory.Delete(dir, recursive: true);
    }

    private static (int Code, string Out, string Err) Run(string[] args, Action body, string crashDir, CancellationToken cancellation = default)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(stdout) });
        int code = CliHost.Run(
            args,
            new CliContext(stdout, stderr, console, cancellation),
            (root, _) =>
            {
                // The test seam: a command whose body throws what the test says.
                var boom = new Command("boom", "Throws. Example: multirate boom") { CliOptions.Flag("--flag", "Ignored") };
                boom.SetAction(_ =>
                {
                    body();
                    return 0;
                });
                root.Subcommands.Add(boom);
            },
            crashDir);
        return (code, stdout.ToString(), stderr.ToString());
    }
}
