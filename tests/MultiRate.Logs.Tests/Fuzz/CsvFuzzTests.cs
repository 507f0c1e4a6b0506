using System.Text;
using CsCheck;
using MultiRate.Logs.Abstractions;
using MultiRate.Logs.Csv;
using Xunit;

namespace MultiRate.Logs.Tests.Fuzz;

/// <summary>Fuzzes the CSV reader (layout detection, topic scan, decoded rows) with mutated real files, random text and random bytes.</summary>
[Trait("Category", "Fuzz")]
public sealed class CsvFuzzTests : IDisposable
{
    private const long BaseCap = 8L << 20;

    private const string Alphabet = ",;\"\n\r\t .-+eE0123456789abxyz_NaInf";

    private readonly string _dir = Directory.CreateTempSubdirectory("multirate-fuzz-csv-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Read_MutatedFiles_SucceedOrThrowTypedErrors()
    {
        FuzzRunner.Run(ByteMutator.Mutated(FuzzInputs.Csv.Value), FuzzRunner.Iterations(400), ReadEverything, Cap);
    }

    [Fact]
    public void Read_RandomTextAndBytes_SucceedOrThrowTypedErrors()
    {
        Gen<byte[]> text = Gen.String[Gen.Char[Alphabet], 0, 400].Select(s => Encoding.UTF8.GetBytes(s));
        FuzzRunner.Run(Gen.OneOf(text, ByteMutator.Random([], 400)), FuzzRunner.Iterations(400), ReadEverything, Cap);
    }

    private static long Cap(byte[] input) => BaseCap + (256L * input.Length);

    private void ReadEverything(byte[] input)
    {
        string path = Path.Combine(_dir, "fuzz.csv");
        File.WriteAllBytes(path, input);
        try
        {
            using CsvSensorLog log = CsvSensorLog.Open(path);
            _ = log.Topics;
            foreach (LogMessage m in log.ReadMessages())
            {
                _ = m.Data.Count;
            }
        }
        catch (LogFormatException ex)
        {
            Assert.Contains("fuzz.csv", ex.Message, StringComparison.Ordinal);
        }
    }
}
