using MultiRate.Logs.Abstractions;
using MultiRate.Logs.Tests.ULog;
using Xunit;

namespace MultiRate.Logs.Tests.Ros2Bag;

/// <summary>Damaged bag metadata is an error naming the file, never a library exception or a stack overflow.</summary>
public sealed class Ros2BagMetadataDamageTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "multirate-ros2-metadata", Guid.NewGuid().ToString("N"));

    public Ros2BagMetadataDamageTests() => Directory.CreateDirectory(_dir);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Open_MetadataThatStopsYamlDotNetsParser_ThrowsLogFormatError()
    {
        // Found by Ros2BagFuzzTests: YamlDotNet threw InvalidOperationException on this mutated metadata.
        byte[] metadata = File.ReadAllBytes(Path.Combine(RepoPaths.Root, "tests", "MultiRate.Logs.Tests", "Fuzz", "Regressions", "ros2-metadata-parser-state.yaml"));
        string bag = Bag(metadata);

        LogFormatException ex = Assert.Throws<LogFormatException>(() => SensorLogs.Open(bag));

        Assert.Contains("metadata.yaml", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[", "]")]
    [InlineData("{a: ", "}")]
    public void Open_MetadataNestedDeeperThanTheCap_ThrowsNamingTheLine(string open, string close)
    {
        string yaml = "rosbag2_bagfile_information: " + string.Concat(Enumerable.Repeat(open, 100_000)) + string.Concat(Enumerable.Repeat(close, 100_000)) + "\n";
        string bag = Bag(System.Text.Encoding.UTF8.GetBytes(yaml));

        LogFormatException ex = Assert.Throws<LogFormatException>(() => SensorLogs.Open(bag));

        Assert.Contains("metadata.yaml line 1", ex.Message, StringComparison.Ordinal);
        Assert.Contains("at most 64 levels", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_MetadataWithAnAliasCycle_ThrowsNamingTheLine()
    {
        string bag = Bag(System.Text.Encoding.UTF8.GetBytes("rosbag2_bagfile_information: &a\n  version: 8\n  loop: {*a : 1}\n"));

        LogFormatException ex = Assert.Throws<LogFormatException>(() => SensorLogs.Open(bag));

        Assert.Contains("metadata.yaml line 3", ex.Message, StringComparison.Ordinal);
        Assert.Contains("no YAML aliases", ex.Message, StringComparison.Ordinal);
    }

    private string Bag(byte[] metadata)
    {
        string folder = Path.Combine(_dir, Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        File.WriteAllBytes(Path.Combine(folder, "metadata.yaml"), metadata);
        File.Copy(RepoPaths.TestData("ros2-db3-tf-rosbags", "tf_example.db3"), Path.Combine(folder, "tf_example.db3"));
        return folder;
    }
}
