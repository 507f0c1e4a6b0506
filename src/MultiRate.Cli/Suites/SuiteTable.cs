using System.Globalization;
using Spectre.Console;

namespace MultiRate.Cli.Suites;

/// <summary>The report as a table for people: a row per case with its result, time and every failure.</summary>
internal static class SuiteTable
{
    public static void Write(IAnsiConsole console, SuiteReport report)
    {
        var table = new Table().AddColumns("case", "result", "time s", "failures");
        foreach (CaseResult c in report.Cases)
        {
            string result = c.Passed ? "[green]pass[/]" : c.Error is null ? "[red]FAIL[/]" : "[red]ERROR[/]";
            table.AddRow(
                Markup.Escape(c.Name),
                result,
                c.TimeS.ToString("0.00", CultureInfo.InvariantCulture),
                Markup.Escape(string.Join(Environment.NewLine, c.Failures)));
        }

        console.Write(table);
        string shard = report.Shard is null ? string.Empty : $" (shard {report.Shard} of {report.CasesInSuite} cases)";
        console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{report.Suite}{shard}: {report.Passed} passed, {report.Failed} failed"));
    }
}
