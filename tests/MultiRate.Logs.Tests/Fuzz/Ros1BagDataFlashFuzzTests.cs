using MultiRate.Logs.Abstractions;
using MultiRate.Logs.DataFlash;
using MultiRate.Logs.Ros1Bag;
using MultiRate.Logs.Tests.Ros1Bag;
using MultiRate.Logs.Tests.ULog;
using Xunit;

namespace MultiRate.Logs.Tests.Fuzz;

/// <summary>Fuzzes the ROS 1 bag and DataFlash readers (topics and decoded messages; strict and allowTruncated) with mutated logs and random bytes.</summary>
[Trait("Category", "Fuzz")]
public sealed class Ros1BagDataFlashFuzzTests
{
    /// <summary>Two passes per mode over inputs of at most ~40 KB; bz2 decoding holds ~4 MB of tables.</summary>
    private const long BaseCap = 64L << 20;

    private static readonly Lazy<IReadOnlyList<ByteMutator.Base>> Bags = new(() =>
    {
        byte[] p = Ros1BagBuilder.Sample(1, 2, [3, 4], "n", 5, 6);
        return
        [
            new(File.ReadAllBytes(RepoPaths.TestData("ros1-bag-tf-lz4", "tf_example.bag")), []),
            new(Ros1BagBuilder.Bag("/a", "none", indexed: true, [(10, p), (30, p)], [(20, p)]), []),
            new(Ros1BagBuilder.Bag("/b", "bz2", indexed: true, [(10, p)], [(5, p)]), []),
            new(Ros1BagBuilder.Bag("/c", "lz4", indexed: false, [(10, p), (30, p)]), []),
        ];
    });

    private static readonly Lazy<IReadOnlyList<ByteMutator.Base>> DataFlash = new(() =>
    [
        new(File.ReadAllBytes(RepoPaths.TestData("ardupilot-bin-copter", "backend_log_80k.bin"))[..20_000], []),
        new(File.ReadAllBytes(RepoPaths.TestData("ardupilot-bin-sub", "small.BIN"))[..20_000], []),
    ]);

    [Fact]
    public void ReadBag_MutatedBags_SucceedOrThrowTypedErrors()
    {
        FuzzRunner.Run(ByteMutator.Mutated(Bags.Value), FuzzRunner.Iterations(200), ReadBag, Cap);
    }

    [Fact]
    public void ReadBag_RandomBytes_SucceedOrThrowTypedErrors()
    {
        FuzzRunner.Run(ByteMutator.Random("#ROSBAG V2.0\n"u8.ToArray(), 512), FuzzRunner.Iterations(300), ReadBag, Cap);
    }

    [Fact]
    public void ReadDataFlash_MutatedLogs_SucceedOrThrowTypedErrors()
    {
        FuzzRunner.Run(ByteMutator.Mutated(DataFlash.Value), FuzzRunner.Iterations(200), ReadDataFlash, Cap);
    }

    [Fact]
    public void ReadDataFlash_RandomBytes_SucceedOrThrowTypedErrors()
    {
        FuzzRunner.Run(ByteMutator.Random([0xA3, 0x95, 0x80], 512), FuzzRunner.Iterations(300), ReadDataFlash, Cap);
    }

    private static long Cap(byte[] input) => BaseCap + (256L * input.Length);

    private static void ReadBag(byte[] input)
    {
        foreach (bool allowTruncated in (bool[])[false, true])
        {
            try
            {
                using var log = Ros1BagSensorLog.Open("fuzz.bag", () => new MemoryStream(input, writable: false), allowTruncated);
                Consume(log);
            }
            catch (LogFormatException ex)
            {
                Assert.False(string.IsNullOrEmpty(ex.Record));
            }
        }
    }

    private static void ReadDataFlash(byte[] input)
    {
        foreach (bool allowTruncated in (bool[])[false, true])
        {
            try
            {
                using var log = DataFlashSensorLog.Open("fuzz.bin", () => new MemoryStream(input, writable: false), allowTruncated);
                Consume(log);
            }
            catch (LogFormatException ex)
            {
                Assert.False(string.IsNullOrEmpty(ex.Record));
            }
        }
    }

    private static void Consume(ISensorLog log)
    {
        _ = log.Topics;
        foreach (LogMessage m in log.ReadMessages())
        {
            _ = m.Data.Count;
        }
    }
}
