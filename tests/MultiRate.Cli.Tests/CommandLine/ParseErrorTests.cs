namespace MultiRate.Cli.Tests.CommandLine;

/// <summary>A command line that does not parse exits 2 with one message per problem naming the option, never 1.</summary>
[Collection("cli")]
public class ParseErrorTests
{
    [Theory]
    [InlineData("rnu", "'run'")]
    [InlineData("replya", "'replay'")]
    [InlineData("valdate", "'validate'")]
    public void Main_MistypedCommand_ExitsTwoSuggestingIt(string typed, string suggested)
    {
        var (code, output, err) = CliRunner.Run(typed, "--json");

        Assert.Equal(2, code);
        Assert.Equal(string.Empty, output);
        Assert.Contains($"unknown command '{typed}'; did you mean {suggested}", err, StringComparison.Ordinal);
    }

    [Fact]
    public void Main_UnknownCommand_ListsEveryCommand()
    {
        var (code, _, err) = CliRunner.Run("fly");

        Assert.Equal(2, code);
        foreach (var c in CommandTreeWalk.Root().Subcommands)
        {
            Assert.Contains(c.Name, err, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("bench wakeup --secnds 3", "--seconds")]
    [InlineData("train --epoch 3", "--epochs")]
    [InlineData("tune rates/default.yaml --lower-rate", "--lower-rates")]
    public void Command_MistypedOption_ExitsTwoSuggestingIt(string line, string suggested)
    {
        var (code, _, err) = CliRunner.Run(line.Split(' '));

        Assert.Equal(2, code);
        Assert.Contains($"did you mean '{suggested}'", err, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("run --seconds NaN", "multirate run: --seconds 'NaN'")]
    [InlineData("run --seconds Infinity", "multirate run: --seconds 'Infinity'")]
    [InlineData("run --seconds -Infinity", "multirate run: --seconds '-Infinity'")]
    [InlineData("run --seconds -1", "multirate run: --seconds '-1'")]
    [InlineData("run --seconds 0", "multirate run: --seconds '0'")]
    [InlineData("run --seconds 1e400", "multirate run: --seconds '1e400'")]
    [InlineData("run --seconds 3s", "multirate run: --seconds '3s'")]
    [InlineData("replay --spin-margin-us NaN", "multirate replay: --spin-margin-us 'NaN'")]
    [InlineData("run --fifo-priority 100", "multirate run: --fifo-priority '100'")]
    [InlineData("run --fifo-priority 50.5", "multirate run: --fifo-priority '50.5'")]
    [InlineData("train --log l --config c --rates r --out o --lr NaN", "multirate train: --lr 'NaN'")]
    [InlineData("train --log l --config c --rates r --out o --epochs 0", "multirate train: --epochs '0'")]
    [InlineData("train --log l --config c --rates r --out o --val-fraction 1", "multirate train: --val-fraction '1'")]
    [InlineData("cat x.ulg --topic t --limit 0", "multirate cat: --limit '0'")]
    [InlineData("bench scheduler --hz Infinity", "multirate bench scheduler: --hz 'Infinity'")]
    [InlineData("bench profile --quantile 101", "multirate bench profile: --quantile '101'")]
    [InlineData("bench overhead --blocks 1", "multirate bench overhead: --blocks '1'")]
    [InlineData("soak --virtual-ticks -5", "multirate soak: --virtual-ticks '-5'")]
    [InlineData("soak --realtime-seconds NaN", "multirate soak: --realtime-seconds 'NaN'")]
    [InlineData("faults --seconds 0.5", "multirate faults: --seconds '0.5'")]
    [InlineData("tune rates/default.yaml --margin 0", "multirate tune: --margin '0'")]
    public void Command_BadNumber_ExitsTwoNamingTheOption(string line, string expected)
    {
        var (code, output, err) = CliRunner.Run(line.Split(' '));

        Assert.Equal(2, code);
        Assert.Equal(string.Empty, output);
        Assert.Contains(expected, err, StringComparison.Ordinal);
        Assert.Contains("expected", err, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", err, StringComparison.Ordinal);
    }

    [Fact]
    public void Bench_NoSubcommand_ExitsTwoListingThem()
    {
        var (code, _, err) = CliRunner.Run("bench");

        Assert.Equal(2, code);
        foreach (var c in CommandTreeWalk.Find("bench").Subcommands)
        {
            Assert.Contains(c.Name, err, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("replay --targets --seconds 3", "--seconds does not apply with --targets")]
    [InlineData("replay --weights w", "--weights applies with --targets only")]
    [InlineData("train --log l --config c --rates r --out o --val-from 3 --val-to 2", "--val-from S and --val-to E together")]
    [InlineData("train --log l --config c --rates r --out o --val-auto --val-from 1 --val-to 2", "choose one of --val-auto and --val-from/--val-to")]
    [InlineData("run --pace sideways", "--pace 'sideways': expected one of realtime, virtual")]
    [InlineData("validate", "missing profile path")]
    [InlineData("inspect", "missing log path")]
    [InlineData("cat x.ulg", "missing --topic")]
    [InlineData("report", "missing recording")]
    public void Command_InconsistentOptions_ExitsTwoSayingWhy(string line, string expected)
    {
        var (code, _, err) = CliRunner.Run(line.Split(' '));

        Assert.Equal(2, code);
        Assert.Contains(expected, err, StringComparison.Ordinal);
    }

    [Fact]
    public void Command_ResponseFileSyntax_IsAPathNotAFileToExpand()
    {
        string file = CliRunner.TempFile("args.rsp", "--version");

        var (code, _, err) = CliRunner.Run("validate", "@" + file);

        // '@file' is taken as the path it names, not expanded into arguments.
        Assert.Equal(2, code);
        Assert.Contains("@" + file, err, StringComparison.Ordinal);
    }
}
