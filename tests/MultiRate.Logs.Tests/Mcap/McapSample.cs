using System.Text;
using MultiRate.Logs.Mcap;

namespace MultiRate.Logs.Tests.Mcap;

/// <summary>Builds small MCAP files in memory for the round-trip and error tests.</summary>
internal static class McapSample
{
    /// <summary>Writes with <paramref name="options"/> (leaveOpen) and returns the bytes; <paramref name="finish"/> false simulates a crash.</summary>
    public static byte[] Build(McapWriterOptions options, Action<McapWriter> write, bool finish = true)
    {
        using var stream = new MemoryStream();
        var writer = new McapWriter(stream, options, leaveOpen: true);
        write(writer);
        if (finish)
        {
            writer.Dispose();
        }

        return stream.ToArray();
    }

    /// <summary>
    /// Two json channels (<c>/imu</c> every 10 ns, <c>/gps</c> every 50 ns: 120 messages) over [0, 990] ns, written
    /// slightly out of log-time order, with payload <c>{"seq": n, "t": logTime}</c>.
    /// </summary>
    public static void TwoTopics(McapWriter writer)
    {
        ushort imuSchema = writer.AddSchema("Imu", "jsonschema", "{}"u8);
        ushort imu = writer.AddChannel(imuSchema, "/imu", "json", new Dictionary<string, string> { ["frame"] = "base" });
        ushort gps = writer.AddChannel(0, "/gps", "json");
        uint sequence = 0;
        for (ulong t = 0; t < 1000; t += 10)
        {
            // Swap neighbours so file order differs from log-time order.
            ulong logTime = t % 20 == 0 ? t + 10 : t - 10;
            writer.WriteMessage(imu, sequence, logTime, logTime, Json(sequence, logTime));
            sequence++;
            if (t % 25 == 0)
            {
                writer.WriteMessage(gps, sequence, t, t, Json(sequence, t));
                sequence++;
            }
        }
    }

    public static byte[] Json(uint sequence, ulong logTime) => Encoding.UTF8.GetBytes($"{{\"seq\":{sequence},\"t\":{logTime}}}");

    public static McapWriterOptions Options(McapCompression compression, int chunkSize = 512) =>
        new() { Compression = compression, ChunkSize = chunkSize };
}
