using MultiRate.Core.Errors;
using MultiRate.Training.Output;

namespace MultiRate.Training.Tests.Output;

/// <summary>A weights folder's training.json is read as any input: checked before it is opened.</summary>
public sealed class MetadataFileTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("multirate-metadata-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task Read_TrainingJsonIsAFifo_RefusedInsteadOfWaitingForAWriter()
    {
        string path = Path.Combine(_dir, MetadataFile.FileName);
        Fifo.Make(path);

        // WaitAsync throws TimeoutException if the read blocks: the test fails instead of hanging.
        Exception? error = await Task.Run(() => Record.Exception(() => MetadataFile.Read(_dir))).WaitAsync(TimeSpan.FromSeconds(60));

        var input = Assert.IsAssignableFrom<UserInputException>(error);
        Assert.Contains(path, input.Message, StringComparison.Ordinal);
        Assert.Contains("not a regular file", input.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_NotJson_NamesTheFile()
    {
        File.WriteAllText(Path.Combine(_dir, MetadataFile.FileName), "{ not json");

        var error = Assert.Throws<UserInputException>(() => MetadataFile.Read(_dir));

        Assert.StartsWith(Path.Combine(_dir, MetadataFile.FileName) + ": not a training metadata file", error.Message, StringComparison.Ordinal);
    }
}
