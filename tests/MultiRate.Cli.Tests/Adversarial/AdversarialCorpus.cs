using System.Buffers.Binary;
using System.Text;
using System.Text.Json.Nodes;
using ZstdSharp;

namespace MultiRate.Cli.Tests.Adversarial;

/// <summary>The cases of <c>tests/adversarial/cases.json</c> and the inputs made for them at run time.</summary>
internal static class AdversarialCorpus
{
    public const string Files = "tests/adversarial/files";

    private static readonly Lazy<string> Scratch = new(() => Directory.CreateTempSubdirectory("multirate-adversarial-").FullName);
    private static readonly Lazy<string> Fifo = new(MakeFifo);
    private static readonly Lazy<string> LongLine = new(MakeLongLine);
    private static readonly Lazy<string> ZstdBomb = new(MakeZstdBomb);
    private static readonly Lazy<string> FifoShare = new(MakeFifoShare);
    private static readonly Lazy<string> FifoBag = new(MakeFifoBag);

    public static IReadOnlyList<JsonObject> Cases { get; } = Load();

    /// <summary>The case's arguments with placeholders resolved.</summary>
    public static string[] Args(JsonObject c) =>
        [.. c["args"]!.AsArray().Select(a => Resolve((string)a!))];

    private static string Resolve(string arg) => arg switch
    {
        "{fifo}" => Fifo.Value,
        "{longline}" => LongLine.Value,
        "{zstdbomb}" => ZstdBomb.Value,
        "{fifoshare}" => FifoShare.Value,
        "{fifobag}" => FifoBag.Value,
        _ => arg.Replace("{files}", Files, StringComparison.Ordinal),
    };

    private static List<JsonObject> Load()
    {
        string path = Path.Combine(CliRunner.RepoRoot, "tests", "adversarial", "cases.json");
        return [.. JsonNode.Parse(File.ReadAllText(path))!["cases"]!.AsArray().Select(c => c!.AsObject())];
    }

    private static string MakeFifo()
    {
        string path = Path.Combine(Scratch.Value, "pipe.yaml");
        return MultiRate.Tests.Shared.Fifo.Make(path);
    }

    /// <summary>A message path whose std_msgs/msg/String.msg is a FIFO (reading it would wait for a writer).</summary>
    private static string MakeFifoShare()
    {
        string share = Path.Combine(Scratch.Value, "share");
        string msg = Path.Combine(share, "std_msgs", "msg");
        Directory.CreateDirectory(msg);
        MultiRate.Tests.Shared.Fifo.Make(Path.Combine(msg, "String.msg"));
        return share;
    }

    /// <summary>A ROS 2 bag folder whose metadata.yaml is a FIFO.</summary>
    private static string MakeFifoBag()
    {
        string bag = Path.Combine(Scratch.Value, "fifo-bag");
        Directory.CreateDirectory(bag);
        MultiRate.Tests.Shared.Fifo.Make(Path.Combine(bag, "metadata.yaml"));
        return bag;
    }

    private static string MakeLongLine()
    {
        string path = Path.Combine(Scratch.Value, "one-line.csv");
        File.WriteAllText(path, "time," + new string('a', 2 << 20));
        return path;
    }

    /// <summary>An MCAP whose one zstd chunk truthfully expands to 1 GiB of zeros (about 32 KiB on disk).</summary>
    private static string MakeZstdBomb()
    {
        var compressed = new MemoryStream();
        using (var z = new CompressionStream(compressed, level: 1, leaveOpen: true))
        {
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 1024; i++)
            {
                z.Write(zeros);
            }
        }

        var file = new MemoryStream();
        byte[] magic = [0x89, (byte)'M', (byte)'C', (byte)'A', (byte)'P', (byte)'0', (byte)'\r', (byte)'\n'];
        file.Write(magic);
        Record(file, 0x01, [.. Str(""), .. Str("adversarial")]);
        byte[] payload = compressed.ToArray();
        byte[] chunk = [.. U64(0), .. U64(0), .. U64(1L << 30), .. U32(0), .. Str("zstd"), .. U64(payload.Length), .. payload];
        Record(file, 0x06, chunk);
        Record(file, 0x02, [.. U64(0), .. U64(0), .. U32(0)]);
        file.Write(magic);
        string path = Path.Combine(Scratch.Value, "zstd-bomb.mcap");
        File.WriteAllBytes(path, file.ToArray());
        return path;
    }

    private static void Record(Stream s, byte op, byte[] body)
    {
        s.WriteByte(op);
        s.Write(U64(body.Length));
        s.Write(body);
    }

    private static byte[] Str(string text) => [.. U32((uint)Encoding.UTF8.GetByteCount(text)), .. Encoding.UTF8.GetBytes(text)];

    private static byte[] U32(uint v)
    {
        var b = new byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(b, v);
        return b;
    }

    private static byte[] U64(long v)
    {
        var b = new byte[8];
        BinaryPrimitives.WriteInt64LittleEndian(b, v);
        return b;
    }
}
