using MultiRate.Core.Errors;
using MultiRate.Logs.Abstractions;
using MultiRate.Logs.Tests.Fuzz;
using Xunit;

namespace MultiRate.Logs.Tests.Ros2Bag;

/// <summary>Fuzzes the rosbag2 sqlite3 reader and metadata parser: damage is only ever a typed error.</summary>
[Trait("Category", "Fuzz")]
public sealed class Ros2BagFuzzTests
{
    /// <summary>SQLite's page cache lives in native memory; managed allocations stay near the input size.</summary>
    private const long BaseCap = 32L << 20;

    private static readonly Lazy<IReadOnlyList<ByteMutator.Base>> Db3 = new(() =>
        [new ByteMutator.Base(File.ReadAllBytes(Path.Combine(Ros2BagTestData.Folder("ros2-db3-tf-rosbags"), "tf_example.db3")), [])]);

    private static readonly Lazy<IReadOnlyList<ByteMutator.Base>> Metadata = new(() =>
        [new ByteMutator.Base(File.ReadAllBytes(Path.Combine(Ros2BagTestData.Folder("ros2-mcap-rewriter-b"), "metadata.yaml")), [])]);

    [Fact]
    public void Read_MutatedDb3_SucceedsOrThrowsTypedErrors()
    {
        FuzzRunner.Run(ByteMutator.Mutated(Db3.Value), FuzzRunner.Iterations(60), bytes => ReadAs(bytes, "bag.db3"), input => BaseCap + (64L * input.Length));
    }

    [Fact]
    public void Read_MutatedMetadata_SucceedsOrThrowsTypedErrors()
    {
        FuzzRunner.Run(ByteMutator.Mutated(Metadata.Value), FuzzRunner.Iterations(150), ReadMetadataBag, input => BaseCap + (64L * input.Length));
    }

    private static void ReadAs(byte[] input, string name)
    {
        DirectoryInfo dir = Directory.CreateTempSubdirectory("multirate-ros2fuzz-");
        try
        {
            string file = Path.Combine(dir.FullName, name);
            File.WriteAllBytes(file, input);
            ReadEverything(file);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    private static void ReadMetadataBag(byte[] input)
    {
        DirectoryInfo dir = Directory.CreateTempSubdirectory("multirate-ros2fuzz-");
        try
        {
            File.Copy(Path.Combine(Ros2BagTestData.Folder("ros2-mcap-rewriter-b"), "rewriter_b_0.mcap"), Path.Combine(dir.FullName, "rewriter_b_0.mcap"));
            File.WriteAllBytes(Path.Combine(dir.FullName, "metadata.yaml"), input);
            ReadEverything(dir.FullName);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    private static void ReadEverything(string path)
    {
        foreach (bool allowTruncated in (bool[])[false, true])
        {
            try
            {
                using ISensorLog log = SensorLogs.Open(path, allowTruncated);
                _ = log.Topics;
                foreach (LogMessage m in log.ReadMessages())
                {
                    _ = m.Data.Count;
                }
            }
            catch (UserInputException ex)
            {
                Assert.False(string.IsNullOrEmpty(ex.Message));
            }
        }
    }
}
