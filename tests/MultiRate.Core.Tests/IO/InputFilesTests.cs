using MultiRate.Core.Errors;
using MultiRate.Core.IO;
using Xunit;

namespace MultiRate.Core.Tests.IO;

/// <summary>Only regular files within their cap are read; anything else is one clear message, never a block or an exhausted memory.</summary>
public sealed class InputFilesTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("multirate-inputs-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public void ReadText_EmptyPath_Refused(string? path)
    {
        var ex = Assert.Throws<UserInputException>(() => InputFiles.ReadText(path, "rate profile", InputFiles.ConfigCapBytes));

        Assert.Equal("no rate profile path given; expected the path of a file", ex.Message);
    }

    [Fact]
    public void ReadText_DevZero_RefusedAsNotRegular()
    {
        var ex = Assert.Throws<UserInputException>(() => InputFiles.ReadText("/dev/zero", "model config", InputFiles.ConfigCapBytes));

        Assert.StartsWith("model config '/dev/zero' is not a regular file", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadText_Fifo_RefusedWithoutBlocking()
    {
        string fifo = Path.Combine(_dir, "pipe.yaml");
        Fifo.Make(fifo);

        // Opening a FIFO for reading would block this thread until a writer came: the check must come first.
        var read = Task.Run(() => Assert.Throws<UserInputException>(() => InputFiles.ReadText(fifo, "rate profile", InputFiles.ConfigCapBytes)));

        UserInputException ex = await read.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Contains("not a regular file", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void OpenRead_Directory_Refused()
    {
        var ex = Assert.Throws<UserInputException>(() => InputFiles.OpenRead(_dir, "log", InputFiles.LogCapBytes));

        Assert.EndsWith("is a directory; expected a regular file", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadText_Missing_NamesFullPath()
    {
        string path = Path.Combine(_dir, "none.yaml");

        var ex = Assert.Throws<UserInputException>(() => InputFiles.ReadText(path, "rate profile", InputFiles.ConfigCapBytes));

        Assert.Equal($"rate profile '{path}' not found (looked at '{path}')", ex.Message);
    }

    [Fact]
    public void ReadText_OverCap_RefusedBeforeReading()
    {
        string path = Path.Combine(_dir, "big.yaml");
        using (var f = File.Create(path))
        {
            f.SetLength((1L << 20) + 1); // sparse: costs no disk
        }

        var ex = Assert.Throws<UserInputException>(() => InputFiles.ReadText(path, "rate profile", InputFiles.ConfigCapBytes));

        Assert.Contains("is 1048577 bytes; the limit for a rate profile is 1048576 bytes (1 MiB)", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadText_RegularFile_ReadsItWithoutBom()
    {
        string path = Path.Combine(_dir, "ok.yaml");
        File.WriteAllText(path, "name: x\n", new System.Text.UTF8Encoding(true));

        Assert.Equal("name: x\n", InputFiles.ReadText(path, "rate profile", InputFiles.ConfigCapBytes));
    }
}
