using MultiRate.Core.Errors;
using MultiRate.Logs.Abstractions;
using MultiRate.Logs.Tests.ULog;
using Xunit;

namespace MultiRate.Logs.Tests.Fuzz;

/// <summary>
/// Fuzzes the ROS 2 bag reader: mutated sqlite3 files (sqlite reads pages from disk, so each input is
/// written to a file) and mutated metadata.yaml beside a good .db3. Every input is read or refused
/// with a typed error naming the file; nothing else escapes.
/// </summary>
[Trait("Category", "Fuzz")]
public sealed class Ros2BagFuzzTests : IDisposable
{
    /// <summary>sqlite's page cache and the decoded messages of a ~100 KB bag.</summary>
    private const long BaseCap = 96L << 20;

    private static readonly Lazy<IReadOnlyList<ByteMutator.Base>> Db3 = new(() =>
    [
        new(File.ReadAllBytes(RepoPaths.TestData("ros2-db3-tf-rosbags", "tf_example.db3")), []),
        new(File.ReadAllBytes(RepoPaths.TestData("ros2-db3-split-wbag", "wbag", "wbag_4.db3")), []),
    ]);

    private static readonly Lazy<IReadOnlyList<ByteMutator.Base>> Metadata = new(() =>
    [
        new(File.ReadAllBytes(RepoPaths.TestData("ros2-db3-tf-rosbags", "metadata.yaml")), []),
    ]);

    private readonly string _dir = Path.Combine(Path.GetTempPath(), "multirate-ros2-fuzz", Guid.NewGuid().ToString("N"));

    public Ros2BagFuzzTests() => Directory.CreateDirectory(_dir);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void ReadDb3_MutatedFiles_SucceedOrThrowTypedErrors()
    {
        FuzzRunner.Run(ByteMutator.Mutated(Db3.Value), FuzzRunner.Iterations(60), input => Read(input, "fuzz.db3"), Cap);
    }

    [Fact]
    public void ReadDb3_RandomBytesAfterTheSqliteMagic_SucceedOrThrowTypedErrors()
    {
        FuzzRunner.Run(ByteMutator.Random("SQLite format 3\0"u8.ToArray(), 4096), FuzzRunner.Iterations(100), input => Read(input, "fuzz.db3"), Cap);
    }

    [Fact]
    public void ReadBagFolder_MutatedMetadata_SucceedOrThrowTypedErrors()
    {
        byte[] db3 = File.ReadAllBytes(RepoPaths.TestData("ros2-db3-tf-rosbags", "tf_example.db3"));
        FuzzRunner.Run(ByteMutator.Mutated(Metadata.Value), FuzzRunner.Iterations(150), input => ReadFolder(input, db3), Cap);
    }

    private static long Cap(byte[] input) => BaseCap + (256L * input.Length);

    private void Read(byte[] input, string name)
    {
        string path = Path.Combine(_dir, Guid.NewGuid().ToString("N"), name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, input);
        Consume(path);
    }

    private void ReadFolder(byte[] metadata, byte[] db3)
    {
        string folder = Path.Combine(_dir, Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        File.WriteAllBytes(Path.Combine(folder, "metadata.yaml"), metadata);
        File.WriteAllBytes(Path.Combine(folder, "tf_example.db3"), db3);
        Consume(folder);
    }

    private static void Consume(string path)
    {
        foreach (bool allowTruncated in (bool[])[false, true])
        {
            try
            {
                using ISensorLog log = SensorLogs.Open(path, new SensorLogOptions { AllowTruncated = allowTruncated });
                _ = log.Topics;
                foreach (LogMessage m in log.ReadMessages())
                {
                    _ = m.Data.Count;
                }
            }
            catch (LogFormatException ex)
            {
                Assert.False(string.IsNullOrEmpty(ex.Record));
            }
            catch (UserInputException ex)
            {
                Assert.Contains(path, ex.Message, StringComparison.Ordinal);
            }
        }
    }
}
