using BenchmarkDotNet.Attributes;
using MultiRate.Logs.Decoding;
using MultiRate.Logs.Mcap;

namespace MultiRate.Benchmarks;

/// <summary>
/// Decoding one MCAP chunk of about 1 MiB uncompressed (≈3,000 sensor_msgs/Imu CDR messages at
/// 1 kHz): decompress, check the CRC, split and parse every record. No message payload decoding.
/// </summary>
[MemoryDiagnoser]
public class McapDecodeBenchmarks
{
    private McapChunk _chunk = null!;

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

        // The first Chunk record of the data section.
        byte[] bytes = file.ToArray();
        McapRawRecord raw = McapRecordSplitter.Split(bytes.AsMemory(8, bytes.Length - 16), null, 8, "benchmark file").First(r => r.Opcode == (byte)McapOpcode.Chunk);
        _chunk = (McapChunk)McapRecordParser.Parse(raw.Opcode, raw.Body, null, -1, "Chunk", validateCrc: true);
    }

    [Benchmark]
    public int DecodeChunk()
    {
        ReadOnlyMemory<byte> records = McapChunkDecoder.Decompress(_chunk, null, 0, 1L << 30, validateCrc: true);
        int messages = 0;
        foreach (McapRawRecord raw in McapRecordSplitter.Split(records, null, -1, "chunk"))
        {
            if (McapRecordParser.Parse(raw.Opcode, raw.Body, null, -1, "record", validateCrc: true) is McapMessage)
            {
                messages++;
            }
        }

        return messages;
    }
}
