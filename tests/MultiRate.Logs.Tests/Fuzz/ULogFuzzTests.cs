using MultiRate.Logs.Abstractions;
using MultiRate.Logs.ULog;
using Xunit;

namespace MultiRate.Logs.Tests.Fuzz;

/// <summary>Fuzzes the ULog reader (definitions, summary pass, decoded messages; strict and allowTruncated) with mutated real logs and random bytes.</summary>
[Trait("Category", "Fuzz")]
public sealed class ULogFuzzTests
{
    /// <summary>Three read passes, each with a 128 KiB record buffer, over inputs of at most ~100 KB.</summary>
    private const long BaseCap = 32L << 20;

    private static readonly byte[] Magic = [0x55, 0x4C, 0x6F, 0x67, 0x01, 0x12, 0x35, 0x01, 0, 0, 0, 0, 0, 0, 0, 0];

    [Fact]
    public void Read_MutatedLogs_SucceedOrThrowTypedErrors()
    {
        FuzzRunner.Run(ByteMutator.Mutated(FuzzInputs.ULog.Value), FuzzRunner.Iterations(300), ReadEverything, Cap);
    }

    [Fact]
    public void Read_RandomBytes_SucceedOrThrowTypedErrors()
    {
        FuzzRunner.Run(ByteMutator.Random(Magic, 512), FuzzRunner.Iterations(400), ReadEverything, Cap);
    }

    private static long Cap(byte[] input) => BaseCap + (64L * input.Length);

    private static void ReadEverything(byte[] input)
    {
        foreach (bool allowTruncated in (bool[])[false, true])
        {
            try
            {
                using ULogFile file = ULogFile.Open(new MemoryStream(input), new ULogReaderOptions { AllowTruncated = allowTruncated });
                _ = file.Topics;
                _ = file.Info;
                _ = file.MultiInfo;
                _ = file.Parameters;
                _ = file.LoggedMessages;
                foreach (LogMessage m in file.ReadMessages())
                {
                    _ = m.Data.Count;
                }
            }
            catch (LogFormatException ex)
            {
                Assert.False(string.IsNullOrEmpty(ex.Record));
            }
        }
    }
}
