using MultiRate.Cli.CommandLine.Args;
using MultiRate.Cli.Infrastructure;
using MultiRate.Cli.Suites;
using MultiRate.Core.Files;
using Spectre.Console;

namespace MultiRate.Cli.Commands;

/// <summary>
/// <c>multirate test SUITE.yaml [--shard I/N] [--junit FILE] [--json] [--jobs K]</c>: replays every case of a
/// suite (or one shard of it) in virtual time, in parallel, and checks each summary against its expectations.
/// </summary>
/// <remarks>Exit 0 when every case passes, 1 when an expectation fails, 2 when the suite or an input it names is bad.</remarks>
internal static class TestCommand
{
    public static int Execute(TestArgs a, TextWriter stdout, IAnsiConsole console, CancellationToken cancellation)
    {
        Shard shard = a.Shard is null ? Shard.All : Shard.Parse(a.Shard);
        Suite suite = SuiteLoader.Load(a.Suite);
        string[] inputs = [a.Suite, .. suite.Cases.SelectMany(c => c.Inputs).OfType<string>()];
        if (a.JUnit is string junit)
        {
            // Refused before the runs, not after: a typo must not cost the whole suite's time.
            OutputFile.CheckNotAnInput(junit, inputs, "multirate test: --junit");
        }

        SuiteReport report = SuiteRunner.Run(suite, shard, a.Jobs ?? Environment.ProcessorCount, cancellation);
        return Emit(report, a.Json, a.JUnit, inputs, "multirate test: --junit", stdout, console);
    }

    /// <summary>Writes the report (JSON or table, and JUnit when asked) and returns its exit code.</summary>
    internal static int Emit(SuiteReport report, bool json, string? junit, IEnumerable<string?> inputs, string option, TextWriter stdout, IAnsiConsole console)
    {
        if (junit is not null)
        {
            OutputFile.WriteAllText(junit, JUnitReport.Write(report, DateTime.UtcNow), inputs, option);
        }

        if (json)
        {
            Json.Write(stdout, report.ToJson());
        }
        else
        {
            SuiteTable.Write(console, report);
        }

        return report.ExitCode;
    }
}
