using System.Diagnostics;
using System.Text;
using MultiRate.Core.Errors;
using MultiRate.Core.Files;

namespace MultiRate.Core.Tests.Files;

public sealed class OutputFileTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("multirate-output-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Create_OutputIsAHardLinkToAnInput_RefusedAndInputUntouched()
    {
        string input = File(("flight.ulg", "the log"));
        string output = Path.Combine(_dir, "out.mcap");
        Run("ln", input, output);

        var error = Assert.Throws<UserInputException>(() => OutputFile.Create(output, [input], "--record"));

        Assert.Contains("same file as the input", error.Message, StringComparison.Ordinal);
        Assert.StartsWith($"--record '{output}'", error.Message, StringComparison.Ordinal);
        Assert.Equal("the log", System.IO.File.ReadAllText(input));
        Assert.False(System.IO.File.Exists(output + OutputFile.PartialSuffix));
    }

    [Fact]
    public void Create_OutputIsASymbolicLinkToAnInput_Refused()
    {
        string input = File(("profile.yaml", "name: x"));
        string output = Path.Combine(_dir, "link.mcap");
        System.IO.File.CreateSymbolicLink(output, input);

        Assert.Throws<UserInputException>(() => OutputFile.Create(output, [null, input], "--record"));
        Assert.Equal("name: x", System.IO.File.ReadAllText(input));
    }

    [Fact]
    public void Create_SamePathSpelledAnotherWay_Refused()
    {
        string input = File(("config.yaml", "x"));
        string output = Path.Combine(_dir, ".", "..", Path.GetFileName(_dir), "config.yaml");

        Assert.Throws<UserInputException>(() => OutputFile.Create(output, [input], "--out"));
    }

    [Fact]
    public void Create_InputIsTheOutputsPartialFile_Refused()
    {
        string input = File(("out.mcap.partial", "an earlier crash"));

        Assert.Throws<UserInputException>(() => OutputFile.Create(Path.Combine(_dir, "out.mcap"), [input], "--record"));
        Assert.Equal("an earlier crash", System.IO.File.ReadAllText(input));
    }

    [Fact]
    public void Create_DifferentFileWithTheSameContent_Allowed()
    {
        string input = File(("a.yaml", "same"));
        string output = File(("b.yaml", "same"));

        using OutputFile file = OutputFile.Create(output, [input], "--out");

        Assert.Equal(output + OutputFile.PartialSuffix, file.WritePath);
    }

    [Fact]
    public void Create_SecondWriterToTheSamePath_RefusedUntilTheFirstIsDone()
    {
        string output = Path.Combine(_dir, "run.mcap");
        using (OutputFile first = OutputFile.Create(output, [], "--record"))
        {
            var error = Assert.Throws<UserInputException>(() => OutputFile.Create(output, [], "--record"));
            Assert.Contains("another process is writing it", error.Message, StringComparison.Ordinal);
            first.Stream.Write("first"u8);
            first.Commit();
        }

        using OutputFile second = OutputFile.Create(output, [], "--record");
        Assert.Equal("first", System.IO.File.ReadAllText(output));
        Assert.False(System.IO.File.Exists(output + OutputFile.LockSuffix) && second.IsDirect);
    }

    [Fact]
    public void Dispose_WithoutCommit_LeavesTheReadablePartialAndTheOldTargetIntact()
    {
        string output = File(("weights.json", "old"));
        using (OutputFile file = OutputFile.Create(output, [], "--out"))
        {
            file.Stream.Write("new but cut"u8);
            file.Stream.Flush();
        }

        Assert.Equal("old", System.IO.File.ReadAllText(output));
        Assert.Equal("new but cut", System.IO.File.ReadAllText(output + OutputFile.PartialSuffix));
        Assert.False(System.IO.File.Exists(output + OutputFile.LockSuffix));
    }

    [Fact]
    public void Commit_OwnerClosedTheStream_RenamesThePartialOverTheTarget()
    {
        string output = File(("summary.md", "old"));
        using OutputFile file = OutputFile.Create(output, [], "--out");
        file.Stream.Write("new"u8);
        file.Stream.Dispose();

        file.Commit();

        Assert.Equal("new", System.IO.File.ReadAllText(output));
        Assert.False(System.IO.File.Exists(output + OutputFile.PartialSuffix));
        Assert.False(System.IO.File.Exists(output + OutputFile.LockSuffix));
    }

    [Fact]
    public void WriteAllText_DevFull_ErrorNamesThePath()
    {
        string text = new('x', 1 << 20);

        var error = Assert.Throws<UserInputException>(() => OutputFile.WriteAllText("/dev/full", text, [], "--out"));

        Assert.StartsWith("--out '/dev/full': writing failed", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Reserve_Directory_Refused()
    {
        var error = Assert.Throws<UserInputException>(() => OutputFile.Reserve(_dir, [], "--out"));

        Assert.Contains("is a directory", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FileIdentity_HardLinkAndOriginal_Equal()
    {
        string a = File(("a", "1"));
        string b = Path.Combine(_dir, "b");
        Run("ln", a, b);

        Assert.Equal(FileIdentity.Of(a), FileIdentity.Of(b));
        Assert.NotEqual(FileIdentity.Of(a), FileIdentity.Of(File(("c", "1"))));
        Assert.Null(FileIdentity.Of(Path.Combine(_dir, "missing")));
        Assert.Equal(FileKind.Device, FileIdentity.Of("/dev/null")!.Value.Kind);
    }

    private string File((string Name, string Text) file)
    {
        string path = Path.Combine(_dir, file.Name);
        System.IO.File.WriteAllText(path, file.Text, new UTF8Encoding(false));
        return path;
    }

    private static void Run(string command, params string[] args)
    {
        using Process p = Process.Start(new ProcessStartInfo(command, args) { UseShellExecute = false })!;
        p.WaitForExit();
        Assert.Equal(0, p.ExitCode);
    }
}
