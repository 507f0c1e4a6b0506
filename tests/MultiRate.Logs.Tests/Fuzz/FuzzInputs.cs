using System.Buffers.Binary;
using System.Text;
using System.Text.Json.Nodes;
using MultiRate.Logs.Decoding;
using MultiRate.Logs.Mcap;
using MultiRate.Logs.Tests.Mcap;
using MultiRate.Logs.Tests.ULog;

namespace MultiRate.Logs.Tests.Fuzz;

/// <summary>The real files the fuzz targets mutate, with the offsets of their length fields.</summary>
internal static class FuzzInputs
{
    public static readonly Lazy<IReadOnlyList<ByteMutator.Base>> Mcap = new(BuildMcap);

    public static readonly Lazy<IReadOnlyList<ByteMutator.Base>> ULog = new(BuildULog);

    public static readonly Lazy<IReadOnlyList<ByteMutator.Base>> Csv = new(BuildCsv);

    private static IReadOnlyList<ByteMutator.Base> BuildMcap()
    {
        string conformance = McapTestPaths.ConformanceDir;
        var files = new List<byte[]>
        {
            McapSample.Build(McapSample.Options(McapCompression.Zstd, 300), McapSample.TwoTopics),
            McapSample.Build(McapSample.Options(McapCompression.Lz4, 300), McapSample.TwoTopics),
            McapSample.Build(McapSample.Options(McapCompression.None, 300), McapSample.TwoTopics),
            McapSample.Build(new McapWriterOptions { UseChunks = false }, McapSample.TwoTopics),
            McapSample.Build(McapSample.Options(McapCompression.Zstd, 300), McapSample.TwoTopics, finish: false),
            McapSample.Build(McapSample.Options(McapCompression.None, 200), Cdr),
            McapSample.Build(McapSample.Options(McapCompression.Zstd, 200), Cdr),
            File.ReadAllBytes(Path.Combine(conformance, "TenMessages", "TenMessages-ch-chx-mx-pad-rch-rsh-st-sum.mcap")),
            File.ReadAllBytes(Path.Combine(conformance, "TenMessages", "TenMessages-ch-chx-mx.mcap")),
            File.ReadAllBytes(Path.Combine(conformance, "OneAttachment", "OneAttachment-ax-pad-st-sum.mcap")),
            File.ReadAllBytes(Path.Combine(conformance, "OneMetadata", Directory.GetFiles(Path.Combine(conformance, "OneMetadata"), "*.mcap").Select(Path.GetFileName).Order().First()!)),
        };
        return [.. files.Select(f => new ByteMutator.Base(f, McapLengthFields(f)))];
    }

    /// <summary>A ros2msg schema and CDR messages, so the CDR decoder is fuzzed too.</summary>
    private static void Cdr(McapWriter writer)
    {
        const string Text = "float64 x\nint32[] ys\nstring name\nuint8[4] raw\nbool ok";
        Ros2MsgSchema schema = Ros2MsgSchema.Parse("pkg/msg/Thing", Text);
        ushort schemaId = writer.AddSchema("pkg/msg/Thing", "ros2msg", Encoding.UTF8.GetBytes(Text));
        ushort channel = writer.AddChannel(schemaId, "/thing", "cdr");
        for (uint i = 0; i < 40; i++)
        {
            var message = new JsonObject
            {
                ["x"] = i * 0.5,
                ["ys"] = new JsonArray([.. Enumerable.Range(0, (int)(i % 5)).Select(k => (JsonNode)JsonValue.Create(k))]),
                ["name"] = $"thing{i}",
                ["raw"] = new JsonArray(1, 2, 3, 4),
                ["ok"] = i % 2 == 0,
            };
            writer.WriteMessage(channel, i, i * 1000, i * 1000, CdrSerializer.Serialize(schema, message));
        }
    }

    /// <summary>The length field of every top-level record.</summary>
    private static List<(int, int)> McapLengthFields(byte[] file)
    {
        var fields = new List<(int, int)>();
        long pos = 8;
        while (pos + 9 <= file.Length)
        {
            fields.Add(((int)pos + 1, 8));
            ulong length = BinaryPrimitives.ReadUInt64LittleEndian(file.AsSpan((int)pos + 1));
            if (length > (ulong)file.Length)
            {
                break;
            }

            pos += 9 + (long)length;
        }

        return fields;
    }

    private static IReadOnlyList<ByteMutator.Base> BuildULog()
    {
        byte[] sample = File.ReadAllBytes(RepoPaths.TestData("px4-ulog-pyulog", "sample.ulg"));

        // The definitions and the first data of the real log (cut at a record boundary), and a small synthetic one.
        int cut = ULogRecordStarts(sample).Last(p => p <= 96 * 1024);
        byte[] head = sample[..cut];
        byte[] synthetic = new ULogTestWriter()
            .Format("pos:uint64_t timestamp;float[3] xyz;uint8_t flag;uint8_t[3] _padding0;")
            .Info("char[4] sys_name", "PX4_"u8.ToArray())
            .MultiInfo(false, "char[3] perf", "abc"u8.ToArray())
            .Parameter("MC_GAIN", 0.5f)
            .Add(0, 7, "pos")
            .Logged('6', 1_000_050, "armed")
            .Dropout(20)
            .Data(7, Pos(1_000_000, 1))
            .Data(7, Pos(1_000_100, 2))
            .Data(7, Pos(1_000_200, 3))
            .ToArray();
        return [.. new[] { head, synthetic }.Select(f => new ByteMutator.Base(f, [.. ULogRecordStarts(f).Select(p => (p, 2))]))];
    }

    private static byte[] Pos(ulong timestamp, float v)
    {
        byte[] b = new byte[8 + 12 + 1 + 3];
        BinaryPrimitives.WriteUInt64LittleEndian(b, timestamp);
        BinaryPrimitives.WriteSingleLittleEndian(b.AsSpan(8), v);
        b[20] = 1;
        return b;
    }

    private static List<int> ULogRecordStarts(byte[] file)
    {
        var starts = new List<int>();
        int pos = 16;
        while (pos + 3 <= file.Length)
        {
            starts.Add(pos);
            pos += 3 + BinaryPrimitives.ReadUInt16LittleEndian(file.AsSpan(pos));
        }

        return starts;
    }

    private static IReadOnlyList<ByteMutator.Base> BuildCsv()
    {
        string[] lines = File.ReadAllLines(RepoPaths.TestData("xio-fusion-imu", "sensor_data.csv"));
        byte[] real = Encoding.UTF8.GetBytes(string.Join('\n', lines.Take(40)) + "\n");
        byte[] synthetic = Encoding.UTF8.GetBytes("time_ns,a,\"b,c\",name\n0,1.5,2,x\n1000,,3e2,y\n2000,-1,4,\"q\"\"uote\"\n3000,5,NaN,z\n");
        return [.. new[] { real, synthetic }.Select(f => new ByteMutator.Base(f, []))];
    }
}
