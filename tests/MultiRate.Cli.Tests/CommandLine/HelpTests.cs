using System.CommandLine;

namespace MultiRate.Cli.Tests.CommandLine;

/// <summary>Help is generated from the command tree: every command answers --help and -h and lists what it takes.</summary>
[Collection("cli")]
public class HelpTests
{
    public static TheoryData<string> Paths => CommandTreeWalk.Paths();

    [Theory]
    [MemberData(nameof(Paths))]
    public void Help_EveryCommandAndBothSpellings_ExitZeroListingEveryOptionAndSubcommand(string path)
    {
        Command command = CommandTreeWalk.Find(path);
        string[] words = path.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        foreach (string help in new[] { "--help", "-h" })
        {
            var (code, output, err) = CliRunner.Run([.. words, help]);

            Assert.True(code == 0, $"{path} {help}: exit {code}: {err}");
            Assert.Equal(string.Empty, err);
            Assert.Contains($"multirate {path}".TrimEnd(), output, StringComparison.Ordinal);
            foreach (Option option in command.Options)
            {
                Assert.Contains(option.Name, output, StringComparison.Ordinal);
            }

            foreach (Command sub in command.Subcommands)
            {
                Assert.Contains(sub.Name, output, StringComparison.Ordinal);
            }

            foreach (Argument argument in command.Arguments)
            {
                Assert.Contains($"<{argument.Name}>", output, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public void CommandTree_EveryCommandOptionAndArgument_HasADescriptionAndEveryCommandAnExample()
    {
        foreach ((string[] path, Command command) in CommandTreeWalk.Commands())
        {
            string name = string.Join(' ', path);
            Assert.False(string.IsNullOrWhiteSpace(command.Description), name);
            Assert.Contains("Example", command.Description, StringComparison.Ordinal);
            Assert.Contains("multirate " + name, command.Description, StringComparison.Ordinal);
            foreach (Symbol symbol in command.Options.Cast<Symbol>().Concat(command.Arguments))
            {
                Assert.False(string.IsNullOrWhiteSpace(symbol.Description), $"{name} {symbol.Name}");
                Assert.DoesNotContain('\n', symbol.Description!);
            }
        }
    }

    [Fact]
    public void CommandTree_TopLevel_HasEveryCommandOfTheTool()
    {
        string[] names = [.. CommandTreeWalk.Root().Subcommands.Select(c => c.Name)];

        Assert.Equal(["run", "replay", "train", "simulate", "validate", "inspect", "cat", "report", "bench", "soak", "faults", "tune", "test", "serve-context"], names);
        Assert.Equal(
            ["scheduler", "models", "gpu", "logs", "profile", "overhead", "wakeup", "replay", "training", "remote", "all"],
            CommandTreeWalk.Find("bench").Subcommands.Select(c => c.Name));
        Assert.Equal(["merge"], CommandTreeWalk.Find("test").Subcommands.Select(c => c.Name));
    }

    [Theory]
    [InlineData("help")]
    [InlineData("help bench")]
    [InlineData("help bench wakeup")]
    public void Help_AsACommand_SameAsTheHelpOption(string line)
    {
        string[] words = line.Split(' ');
        var (code, output, _) = CliRunner.Run(words);
        var (_, expected, _) = CliRunner.Run([.. words[1..], "--help"]);

        Assert.Equal(0, code);
        Assert.Equal(expected, output);
        Assert.Contains("Usage:", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Main_NoArguments_ShowsHelpAndExitsTwo()
    {
        var (code, output, err) = CliRunner.Run();

        Assert.Equal(2, code);
        Assert.Contains("missing command", err, StringComparison.Ordinal);
        foreach (Command c in CommandTreeWalk.Root().Subcommands)
        {
            Assert.Contains(c.Name, output, StringComparison.Ordinal);
            Assert.Contains(c.Name, err, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Version_ExitZeroWithTheCommit()
    {
        var (code, output, err) = CliRunner.Run("--version");

        Assert.True(code == 0, err);
        Assert.Matches(@"^multirate \d+\.\d+\.\d+\+([0-9a-f]{7,40}|unknown)\r?\n$", output);
    }

    [Fact]
    public void Suggest_PartialSubcommand_CompletesIt()
    {
        var (code, output, err) = CliRunner.Run("[suggest:17]", "multirate bench w");

        Assert.True(code == 0, err);
        Assert.Equal("wakeup", output.Trim());
    }

    [Fact]
    public void Suggest_PaceValue_CompletesTheChoices()
    {
        var (code, output, _) = CliRunner.Run("[suggest:24]", "multirate replay --pace ");

        Assert.Equal(0, code);
        Assert.Equal(["realtime", "virtual"], output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }
}
