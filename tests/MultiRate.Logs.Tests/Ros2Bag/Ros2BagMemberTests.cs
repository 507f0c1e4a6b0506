using MultiRate.Core.Errors;
using MultiRate.Logs.Abstractions;
using MultiRate.Logs.Ros2Bag;
using Xunit;

namespace MultiRate.Logs.Tests.Ros2Bag;

/// <summary>A bag's member files are inputs like the bag: checked before they are opened, decompressed within a bound.</summary>
public sealed class Ros2BagMemberTests : IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("multirate-ros2-member-").FullName;

    public void Dispose() => Directory.Delete(dir, recursive: true);

    [Fact]
    public async Task Open_MemberIsAFifo_RefusedInsteadOfWaitingForAWriter()
    {
        string bag = Path.Combine(dir, "wbag");
        Directory.CreateDirectory(bag);
        foreach (string file in Directory.GetFiles(Path.Combine(Ros2BagTestData.Folder("ros2-db3-split-wbag"), "wbag")))
        {
            File.Copy(file, Path.Combine(bag, Path.GetFileName(file)));
        }

        string member = Path.Combine(bag, "wbag_2.db3");
        File.Delete(member);
        Fifo.Make(member);

        // WaitAsync throws TimeoutException if opening blocks: the test fails instead of hanging.
        Exception? error = await Task.Run(() => Record.Exception(() => SensorLogs.Open(bag).Dispose())).WaitAsync(TimeSpan.FromSeconds(60));

        var input = Assert.IsAssignableFrom<UserInputException>(error);
        Assert.Equal($"bag member '{member}' is not a regular file (a FIFO, socket or device); give a regular file (inputs are read whole or seeked, a stream cannot be)", input.Message);
    }

    [Fact]
    public async Task Open_MetadataIsAFifo_RefusedInsteadOfWaitingForAWriter()
    {
        string bag = Path.Combine(dir, "bag");
        Directory.CreateDirectory(bag);
        string metadata = Path.Combine(bag, "metadata.yaml");
        Fifo.Make(metadata);

        Exception? error = await Task.Run(() => Record.Exception(() => SensorLogs.Open(bag).Dispose())).WaitAsync(TimeSpan.FromSeconds(60));

        var input = Assert.IsAssignableFrom<UserInputException>(error);
        Assert.StartsWith($"bag metadata '{metadata}' is not a regular file", input.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CopyBounded_MoreThanTheBound_StopsBeforeWritingPastIt()
    {
        using var from = new MemoryStream(new byte[300_000]);
        using var to = new MemoryStream();

        var error = Assert.Throws<LogFormatException>(() => Ros2BagOpener.CopyBounded(from, to, "bag/x.db3.zstd", 100_000));

        Assert.Contains("decompresses to at most 100000 bytes", error.Message, StringComparison.Ordinal);
        Assert.True(to.Length <= 100_000, $"wrote {to.Length} bytes past the bound");
    }

    [Fact]
    public void CopyBounded_WithinTheBound_CopiesEverything()
    {
        byte[] data = [.. Enumerable.Range(0, 100_000).Select(i => (byte)i)];
        using var from = new MemoryStream(data);
        using var to = new MemoryStream();

        Ros2BagOpener.CopyBounded(from, to, "bag/x.db3.zstd", data.Length);

        Assert.Equal(data, to.ToArray());
    }

    [Theory]
    [InlineData(1L, 1L << 30)]
    [InlineData(100L << 20, 10_000L << 20)]
    [InlineData(long.MaxValue, 1L << 40)]
    public void MaxDecompressedBytes_HundredTimesWithinOneGiBAndTheLogCap(long compressed, long expected) =>
        Assert.Equal(expected, Ros2BagOpener.MaxDecompressedBytes(compressed));
}
