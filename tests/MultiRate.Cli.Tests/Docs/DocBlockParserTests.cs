namespace MultiRate.Cli.Tests.Docs;

public class DocBlockParserTests
{
    private const string Doc = """
        # A guide

        ```yaml
        name: not run
        ```

        ```console
        $ multirate validate rates/default.yaml
        rates/default.yaml: valid rate profile 'default': ...
        $ multirate replay --log tests/data/px4-ulog-pyulog/sample.ulg \
            --rates rates/px4-attitude-250hz.yaml --seconds 1
        actions: 250 ...

        $ multirate validate missing.yaml  # exit 2
        ```

        ```text
        $ multirate run
        not run either
        ```
        """;

    [Fact]
    public void Parse_ConsoleBlock_ReadsCommandsContinuationsExitCodesAndOutput()
    {
        DocBlock block = Assert.Single(DocBlockParser.Parse("guide.md", Doc));

        Assert.Equal(7, block.Line);
        Assert.Equal(3, block.Commands.Count);
        Assert.Equal(new DocCommand(8, "multirate validate rates/default.yaml", 0, ["rates/default.yaml: valid rate profile 'default': ..."]), block.Commands[0], CommandComparer.Instance);
        Assert.Equal("multirate replay --log tests/data/px4-ulog-pyulog/sample.ulg --rates rates/px4-attitude-250hz.yaml --seconds 1", block.Commands[1].Text);
        Assert.Equal(["actions: 250 ..."], block.Commands[1].ExpectedOutput);
        Assert.Equal(2, block.Commands[2].ExpectedExit);
        Assert.Empty(block.Commands[2].ExpectedOutput);
    }

    [Fact]
    public void Parse_OutputBeforeAnyCommand_FailsNamingTheLine()
    {
        var e = Assert.Throws<FormatException>(() => DocBlockParser.Parse("guide.md", "```console\nno prompt here\n```\n"));

        Assert.StartsWith("guide.md:2:", e.Message);
    }

    [Fact]
    public void Parse_UnclosedFence_FailsNamingTheOpeningLine()
    {
        var e = Assert.Throws<FormatException>(() => DocBlockParser.Parse("guide.md", "text\n```console\n$ multirate run\n"));

        Assert.StartsWith("guide.md:2:", e.Message);
    }

    [Fact]
    public void Rewrite_DotnetRunFromAClone_BecomesMultirate()
    {
        Assert.Equal("multirate run --seconds 1", DocBlockRunner.Rewrite("dotnet run --project src/MultiRate.Cli -- run --seconds 1"));
        Assert.Equal("multirate bench logs", DocBlockRunner.Rewrite("dotnet run -c Release --project src/MultiRate.Cli -- bench logs"));
    }

    private sealed class CommandComparer : IEqualityComparer<DocCommand>
    {
        public static readonly CommandComparer Instance = new();

        public bool Equals(DocCommand? x, DocCommand? y) =>
            x is not null && y is not null && x.Line == y.Line && x.Text == y.Text && x.ExpectedExit == y.ExpectedExit && x.ExpectedOutput.SequenceEqual(y.ExpectedOutput);

        public int GetHashCode(DocCommand obj) => obj.Line;
    }
}
