using MultiRate.Core.Errors;
using MultiRate.Logs.Abstractions;
using MultiRate.Logs.Mcap;
using Xunit;

namespace MultiRate.Logs.Tests.Fuzz;

/// <summary>
/// Fuzzes every MCAP read path (front-to-back records, the summary and its indexes, and a sensor
/// log with JSON and CDR decoding, strict and with allowTruncated) with mutated real files and random bytes.
/// </summary>
[Trait("Category", "Fuzz")]
public sealed class McapFuzzTests : IDisposable
{
    /// <summary>Managed bytes one case may allocate: the four read passes over small inputs stay far below this; a lying length would not.</summary>
    private const long BaseCap = 48L << 20;

    private static readonly byte[] Magic = [0x89, (byte)'M', (byte)'C', (byte)'A', (byte)'P', 0x30, (byte)'\r', (byte)'\n'];

    private readonly string _dir = Directory.CreateTempSubdirectory("multirate-fuzz-mcap-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Read_MutatedFiles_SucceedOrThrowTypedErrors()
    {
        FuzzRunner.Run(ByteMutator.Mutated(FuzzInputs.Mcap.Value), FuzzRunner.Iterations(600), ReadEverything, Cap);
    }

    [Fact]
    public void Read_RandomBytes_SucceedOrThrowTypedErrors()
    {
        FuzzRunner.Run(ByteMutator.Random(Magic, 512), FuzzRunner.Iterations(400), ReadEverything, Cap);
    }

    private static long Cap(byte[] input) => BaseCap + (64L * input.Length);

    private void ReadEverything(byte[] input)
    {
        Typed(() =>
        {
            foreach (McapRecord _ in new McapStreamReader(new MemoryStream(input), "fuzz.mcap").ReadRecords())
            {
            }
        });
        Typed(() =>
        {
            McapIndexedReader reader = McapIndexedReader.Open(new MemoryStream(input), "fuzz.mcap");
            _ = reader.ReadMessages().Count();
            foreach (McapChunkIndex chunk in reader.ChunkIndexes)
            {
                _ = reader.ReadMessageIndexes(chunk);
            }

            foreach (McapAttachmentIndex attachment in reader.AttachmentIndexes)
            {
                _ = reader.ReadAttachment(attachment);
            }

            foreach (McapMetadataIndex metadata in reader.MetadataIndexes)
            {
                _ = reader.ReadMetadata(metadata);
            }
        });

        string path = Path.Combine(_dir, "fuzz.mcap");
        File.WriteAllBytes(path, input);
        foreach (bool allowTruncated in (bool[])[false, true])
        {
            Typed(() =>
            {
                using ISensorLog log = SensorLogs.Open(path, allowTruncated);
                _ = log.Topics;
                foreach (LogMessage m in log.ReadMessages())
                {
                    _ = m.Data.Count;
                }

                Assert.True(!allowTruncated || log.Coverage is not null);
            });
        }
    }

    /// <summary>Runs one read; a typed error ends it, and must name where (the file, and a byte offset or record).</summary>
    private static void Typed(Action read)
    {
        try
        {
            read();
        }
        catch (LogFormatException ex)
        {
            Assert.Contains("fuzz.mcap", ex.Message, StringComparison.Ordinal);
            Assert.False(string.IsNullOrEmpty(ex.Record));
        }
        catch (UserInputException ex)
        {
            Assert.Contains("fuzz.mcap", ex.Message, StringComparison.Ordinal);
        }
    }
}
