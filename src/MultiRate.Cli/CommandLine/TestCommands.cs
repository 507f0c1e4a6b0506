using System.CommandLine;
using MultiRate.Cli.CommandLine.Args;
using MultiRate.Cli.Commands;

namespace MultiRate.Cli.CommandLine;

/// <summary><c>test SUITE</c> (replay test suites for CI) and <c>test merge</c> (join shard reports).</summary>
internal static class TestCommands
{
    public static Command Test(CliContext ctx)
    {
        var command = new Command(
            "test",
            "Replays every case of a test suite (log, profile, config, time window) in virtual time, in parallel, and checks each summary against the case's " +
            "expectations; exit 1 when one fails, 2 when the suite is bad. " +
            "Example: multirate test tests/suites/shipped.yaml --shard 1/4 --junit shard1.xml --json");
        Argument<string?> suite = CliOptions.Positional("suite", "The suite file (YAML): cases with log, rates, config and expect (docs/guides/ci-replay-suites.md)");
        Option<string?> shard = CliOptions.Text("--shard", "I/N", "Run shard I of N (1-based): the cases whose 0-based index in the suite is I-1 modulo N");
        Option<string?> junit = CliOptions.Text("--junit", "FILE", "Also write JUnit XML (testsuite/testcase/failure) for CI test reporters");
        Option<bool> json = CliOptions.Flag("--json", "Print the report as one JSON object (passed, failed, cases with failures and summary) instead of a table");
        Option<int?> jobs = CliOptions.Whole("--jobs", "K", "Cases run at once (default: the machine's core count)", 1, 1024);
        command.Arguments.Add(suite);
        foreach (Option o in new Option[] { shard, junit, json, jobs })
        {
            command.Options.Add(o);
        }

        command.Subcommands.Add(Merge(ctx));
        CliOptions.RequireArgument(command, suite, "missing suite path (e.g. multirate test tests/suites/shipped.yaml)");
        command.SetAction(p => TestCommand.Execute(
            new TestArgs { Suite = p.GetValue(suite)!, Shard = p.GetValue(shard), JUnit = p.GetValue(junit), Json = p.GetValue(json), Jobs = p.GetValue(jobs) },
            ctx.Stdout,
            ctx.Console,
            ctx.StopToken()));
        return command;
    }

    private static Command Merge(CliContext ctx)
    {
        var command = new Command(
            "merge",
            "Joins the JSON reports of a suite's shards ('multirate test SUITE --shard I/N --json') into the report one unsharded run gives; exits as that run would. " +
            "Example: multirate test merge shard1.json shard2.json --junit all.xml");
        var reports = new Argument<string[]>("reports") { Description = "The shards' JSON reports, one per shard", Arity = ArgumentArity.ZeroOrMore };
        Option<string?> junit = CliOptions.Text("--junit", "FILE", "Also write the merged report as JUnit XML");
        Option<bool> json = CliOptions.Flag("--json", "Print the merged report as JSON instead of a table");
        command.Arguments.Add(reports);
        command.Options.Add(junit);
        command.Options.Add(json);
        command.Validators.Add(r =>
        {
            if (r.GetResult(reports) is not { Tokens.Count: > 0 })
            {
                r.AddError("missing shard reports (e.g. multirate test merge shard1.json shard2.json)");
            }
        });
        command.SetAction(p => TestMergeCommand.Execute(
            new TestMergeArgs { Reports = p.GetValue(reports) ?? [], JUnit = p.GetValue(junit), Json = p.GetValue(json) },
            ctx.Stdout,
            ctx.Console));
        return command;
    }
}
