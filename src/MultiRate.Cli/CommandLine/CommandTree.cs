using System.CommandLine;

namespace MultiRate.Cli.CommandLine;

/// <summary>
/// The <c>multirate</c> command tree: every command, subcommand and option is defined here once, and help,
/// typo suggestions, shell completion and docs/cli.md are all generated from it.
/// </summary>
internal static class CommandTree
{
    /// <summary>The tool's name, in help and messages (not the host's name: tests run under <c>testhost</c>).</summary>
    public const string ToolName = "multirate";

    /// <summary>Builds the tree with actions writing to <paramref name="ctx"/>.</summary>
    public static RootCommand Build(CliContext ctx)
    {
        var root = new RootCommand(
            "MultiRate runs a robot policy's parts at their own rates: a fast action head every control tick and a slow context module " +
            "updating a shared latent, in real time or in virtual time on a log's timestamps. " +
            "Example: multirate run --seconds 3")
        {
            HelpName = ToolName,
        };
        foreach (VersionOption version in root.Options.OfType<VersionOption>())
        {
            version.Action = new VersionAction();
        }

        root.Subcommands.Add(RunCommands.Run(ctx));
        root.Subcommands.Add(RunCommands.Replay(ctx));
        root.Subcommands.Add(TrainCommands.Train(ctx));
        root.Subcommands.Add(SimulateCommands.Simulate(ctx));
        root.Subcommands.Add(LogCommands.Validate(ctx));
        root.Subcommands.Add(LogCommands.Inspect(ctx));
        root.Subcommands.Add(LogCommands.Cat(ctx));
        root.Subcommands.Add(LogCommands.Report(ctx));
        root.Subcommands.Add(BenchCommands.Bench(ctx));
        root.Subcommands.Add(OpsCommands.Soak(ctx));
        root.Subcommands.Add(OpsCommands.Faults(ctx));
        root.Subcommands.Add(OpsCommands.Tune(ctx));
        root.Subcommands.Add(TestCommands.Test(ctx));
        root.Subcommands.Add(RemoteCommands.ServeContext(ctx));
        return root;
    }

    /// <summary><c>multirate bench wakeup</c> for the command of <paramref name="command"/>'s position in the tree.</summary>
    public static string PathOf(Command command)
    {
        var names = new List<string>();
        for (Command? c = command; c is not null; c = c.Parents.OfType<Command>().FirstOrDefault())
        {
            names.Add(c is RootCommand ? ToolName : c.Name);
        }

        names.Reverse();
        return string.Join(' ', names);
    }
}
