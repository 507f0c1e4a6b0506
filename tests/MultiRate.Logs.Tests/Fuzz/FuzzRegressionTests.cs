using System.Text;
using MultiRate.Logs.Abstractions;
using MultiRate.Logs.Decoding;
using MultiRate.Logs.Mcap;
using MultiRate.Logs.Tests.Mcap;
using Xunit;

namespace MultiRate.Logs.Tests.Fuzz;

/// <summary>Crashes the fuzzers found, kept as plain tests.</summary>
public sealed class FuzzRegressionTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("multirate-fuzz-regress-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Theory]
    [InlineData(new byte[] { (byte)'{', (byte)'"', 0xF7, (byte)'"', (byte)':', (byte)'1', (byte)'}' }, 2)]
    [InlineData(new byte[] { (byte)'{', (byte)'"', (byte)'a', (byte)'"', (byte)':', (byte)'"', 0xC3, (byte)'"', (byte)'}' }, 6)]
    public void ReadMessages_JsonPayloadWithInvalidUtf8_ThrowsLogFormatExceptionWithPosition(byte[] payload, int badByte)
    {
        string path = Save(payload);
        using ISensorLog log = SensorLogs.Open(path);

        var error = Assert.Throws<LogFormatException>(() => log.ReadMessages().Select(m => m.Data.Count).ToList());

        Assert.Contains($"byte {badByte} of the payload", error.Message, StringComparison.Ordinal);
        Assert.Contains(path, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadMessages_JsonPayloadWithLoneSurrogateEscape_ThrowsLogFormatException()
    {
        string path = Save(Encoding.UTF8.GetBytes("{\"a\":\"\\ud800\"}"));
        using ISensorLog log = SensorLogs.Open(path);

        var error = Assert.Throws<LogFormatException>(() => log.ReadMessages().Select(m => m.Data.Count).ToList());

        Assert.Contains("json message", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_JsonMessageDecoderWithInvalidUtf8_ThrowsLogFormatException()
    {
        Assert.Throws<LogFormatException>(() => JsonMessageDecoder.Decode([(byte)'{', (byte)'"', 0xFF, (byte)'"', (byte)':', (byte)'1', (byte)'}'], "x.mcap"));
    }

    private string Save(byte[] payload)
    {
        byte[] file = McapSample.Build(McapSample.Options(McapCompression.None), w =>
        {
            ushort channel = w.AddChannel(0, "/j", "json");
            w.WriteMessage(channel, 0, 1, 1, payload);
        });
        string path = Path.Combine(_dir, "json.mcap");
        File.WriteAllBytes(path, file);
        return path;
    }
}
