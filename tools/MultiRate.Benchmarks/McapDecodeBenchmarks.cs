using BenchmarkDotNet.Attributes;
using MultiRate.Logs.Decoding;
using MultiRate.Logs.Mcap;

namespace MultiRate.Benchmarks;

/// <summary>
/// Reading an MCAP file of one chunk of about 1 MiB uncompressed (≈3,000 sensor_msgs/Imu CDR messages
/// at 1 kHz) through the public <see cref="McapStreamReader"/>: decompress, check the CRCs, split and
/// parse every record. No message payload decoding.
/// </summary>
[MemoryDiagnoser]
public class McapDecodeBenchmarks
{
    private byte[] _file = [];

    [Params(McapCompression.Zstd, McapCompression.Lz4, McapCompression.None)]
    public McapCompression Compression { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var schema = Ros2MsgSchema.Parse("sensor_msgs/msg/Imu", CdrDecodeBenchmarks.ImuDefinition);
        using var file = new MemoryStream();
        using (var writer = new McapWriter(file, new McapWriterOptions { Compression = Compression, ChunkSize = 1 << 20 }, leaveOpen: true))
        {
            ushort schemaId = writer.AddSchema("sensor_msgs/msg/Imu", "ros2msg", System.Text.Encoding.UTF8.GetBytes(CdrDecodeBenchmarks.ImuDefinition));
            ushort channel = writer.AddChannel(schemaId, "/imu", "cdr");
            for (int i = 0; i < 3000; i++)
            {
                writer.WriteMessage(channel, (uint)i, (ulong)i * 1_000_000, (ulong)i * 1_000_000, CdrSerializer.Serialize(schema, CdrDecodeBenchmarks.SampleImu(i)));
            }
        }

        _file = file.ToArray();
    }

    [Benchmark]
    public int DecodeChunk()
    {
        using var stream = new MemoryStream(_file, writable: false);
        int messages = 0;
        foreach (McapRecord record in new McapStreamReader(stream, "benchmark file").ReadRecords())
        {
            if (record is McapMessage)
            {
                messages++;
            }
        }

        return messages;
    }
}
