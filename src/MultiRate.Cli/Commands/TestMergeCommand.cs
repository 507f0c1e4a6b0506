using MultiRate.Cli.CommandLine.Args;
using MultiRate.Cli.Suites;
using Spectre.Console;

namespace MultiRate.Cli.Commands;

/// <summary>
/// <c>multirate test merge A.json B.json ... [--junit FILE] [--json]</c>: joins the shards' JSON reports into the
/// report one unsharded run gives, and exits as that run would (0 all passed, 1 a case failed, 2 a bad input).
/// </summary>
internal static class TestMergeCommand
{
    public static int Execute(TestMergeArgs a, TextWriter stdout, IAnsiConsole console)
    {
        SuiteReport merged = ReportMerger.Merge([.. a.Reports.Select(p => (p, ReportReader.Load(p)))]);
        return TestCommand.Emit(merged, a.Json, a.JUnit, a.Reports, "multirate test merge: --junit", stdout, console);
    }
}
