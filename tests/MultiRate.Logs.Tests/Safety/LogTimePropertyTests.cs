using System.Buffers.Binary;
using CsCheck;
using MultiRate.Logs.Abstractions;
using MultiRate.Logs.Mcap;
using MultiRate.Logs.Tests.ULog;
using MultiRate.Logs.ULog;
using Xunit;

namespace MultiRate.Logs.Tests.Safety;

/// <summary>
/// Any 64-bit timestamp a log can carry either reads back exactly as a time within
/// <see cref="LogTime.MaxNs"/> or is refused with the byte offset: never saturated, wrapped or hung on.
/// </summary>
public sealed class LogTimePropertyTests
{
    private static readonly Gen<ulong> Timestamp = Gen.OneOf(
        Gen.ULong,
        Gen.ULong[0, LogTime.MaxUs],
        Gen.ULong[LogTime.MaxUs - 2, LogTime.MaxUs + 2],
        Gen.Const(ulong.MaxValue),
        Gen.ULong[(ulong)long.MaxValue / 1000 - 2, (ulong)long.MaxValue / 1000 + 2]);

    [Fact]
    public void ULogRead_AnyDataTimestamp_ExactOrRefusedWithOffset()
    {
        Gen.Select(Timestamp, Timestamp).Sample((a, b) =>
        {
            byte[] log = new ULogTestWriter(startTimestampUs: 0)
                .Flags()
                .Format("imu:uint64_t timestamp;float x;")
                .Add(0, 1, "imu")
                .Data(1, ULogTestWriter.U64Bytes(a), ULogTestWriter.F32(1))
                .Data(1, ULogTestWriter.U64Bytes(b), ULogTestWriter.F32(2))
                .ToArray();
            try
            {
                using ULogFile file = ULogFile.Open(new MemoryStream(log));
                long[] times = [.. file.ReadMessages().Select(m => m.LogTimeNs)];
                Assert.True(a <= LogTime.MaxUs && b <= LogTime.MaxUs, $"accepted {a} and {b}");
                Assert.All(times, t => Assert.InRange(t, 0, LogTime.MaxNs));
                // A zero timestamp means "the latest seen" in ULog: only non-zero ones read back as written.
                Assert.True(a == 0 || times.Contains((long)a * 1000), $"{a} us not read back: {string.Join(", ", times)}");
                Assert.True(b == 0 || times.Contains((long)b * 1000), $"{b} us not read back: {string.Join(", ", times)}");
            }
            catch (LogFormatException ex)
            {
                Assert.True(a > LogTime.MaxUs || b > LogTime.MaxUs, ex.Message);
                Assert.True(ex.Offset > 0, ex.Message);
                Assert.Contains("below 2^62 ns", ex.Message, StringComparison.Ordinal);
            }
        }, iter: 400);
    }

    [Fact]
    public void McapRead_AnyMessageLogTime_ExactOrRefusedWithOffset()
    {
        Timestamp.Sample(t =>
        {
            byte[] file = Mcap([Message(t)]);
            try
            {
                McapRecord[] records = [.. new McapStreamReader(new MemoryStream(file), "t.mcap").ReadRecords()];
                Assert.True(t <= LogTime.MaxNs, $"accepted {t}");
                Assert.Equal(t, Assert.Single(records.OfType<McapMessage>()).LogTime);
            }
            catch (LogFormatException ex)
            {
                Assert.True(t > LogTime.MaxNs, ex.Message);
                Assert.True(ex.Offset > 0, ex.Message);
                Assert.Contains("field log_time", ex.Message, StringComparison.Ordinal);
            }
        }, iter: 400);
    }

    private static byte[] Message(ulong logTime)
    {
        byte[] body = new byte[2 + 4 + 8 + 8 + 2];
        BinaryPrimitives.WriteUInt16LittleEndian(body, 1);
        BinaryPrimitives.WriteUInt64LittleEndian(body.AsSpan(6), logTime);
        BinaryPrimitives.WriteUInt64LittleEndian(body.AsSpan(14), logTime);
        "{}"u8.CopyTo(body.AsSpan(22));
        return Record(0x05, body);
    }

    private static byte[] Mcap(byte[][] records)
    {
        byte[] magic = [0x89, (byte)'M', (byte)'C', (byte)'A', (byte)'P', (byte)'0', (byte)'\r', (byte)'\n'];
        byte[] header = Record(0x01, new byte[8]);
        byte[] footer = Record(0x02, new byte[20]);
        return [.. magic, .. header, .. records.SelectMany(r => r), .. footer, .. magic];
    }

    private static byte[] Record(byte op, byte[] body)
    {
        byte[] r = new byte[9 + body.Length];
        r[0] = op;
        BinaryPrimitives.WriteUInt64LittleEndian(r.AsSpan(1), (ulong)body.Length);
        body.CopyTo(r, 9);
        return r;
    }
}
