using System.Text;
using ICSharpCode.SharpZipLib.BZip2;
using K4os.Compression.LZ4.Streams;

namespace MultiRate.Logs.Tests.Ros1Bag;

/// <summary>Writes small ROS bag v2.0 files: one connection, chunks of messages, with or without the index section.</summary>
internal static class Ros1BagBuilder
{
    public const string MessageType = "test_msgs/Sample";

    public const string Definition =
        "Header header\nfloat64[] values # a comment\nstring name\nint32[2] pair\nint32 CONST=3\n" +
        "================================================================================\n" +
        "MSG: std_msgs/Header\nuint32 seq\ntime stamp\nstring frame_id\n";

    /// <summary>A message of the sample type with the given seq, stamp and values.</summary>
    public static byte[] Sample(uint seq, long stampNs, double[] values, string name, int a, int b)
    {
        var m = new List<byte>();
        m.AddRange(BitConverter.GetBytes(seq));
        m.AddRange(Time(stampNs));
        m.AddRange(Str("frame"));
        m.AddRange(BitConverter.GetBytes((uint)values.Length));
        foreach (double v in values)
        {
            m.AddRange(BitConverter.GetBytes(v));
        }

        m.AddRange(Str(name));
        m.AddRange(BitConverter.GetBytes(a));
        m.AddRange(BitConverter.GetBytes(b));
        return [.. m];
    }

    /// <summary>A bag with one connection on <paramref name="topic"/>; each chunk lists (time, payload) messages.</summary>
    public static byte[] Bag(string topic, string compression, bool indexed, params (long TimeNs, byte[] Payload)[][] chunks)
    {
        var body = new List<byte>();
        var infos = new List<byte[]>();
        byte[] connection = Record([F("op", [7]), F("conn", U32(0)), F("topic", Encoding.UTF8.GetBytes(topic))], Header([F("topic", Encoding.UTF8.GetBytes(topic)), F("type", Encoding.UTF8.GetBytes(MessageType)), F("md5sum", Encoding.UTF8.GetBytes("0123456789abcdef0123456789abcdef")), F("message_definition", Encoding.UTF8.GetBytes(Definition))]));
        long start = 13 + BagHeader(0, chunks.Length).Length;
        foreach ((long TimeNs, byte[] Payload)[] messages in chunks)
        {
            var inner = new List<byte>(connection);
            var index = new List<byte>();
            foreach ((long time, byte[] payload) in messages)
            {
                index.AddRange(Time(time));
                index.AddRange(U32((uint)inner.Count));
                inner.AddRange(Record([F("op", [2]), F("conn", U32(0)), F("time", Time(time))], payload));
            }

            long position = start + body.Count;
            body.AddRange(Record([F("op", [5]), F("compression", Encoding.UTF8.GetBytes(compression)), F("size", U32((uint)inner.Count))], Compress(compression, [.. inner])));
            body.AddRange(Record([F("op", [4]), F("ver", U32(1)), F("conn", U32(0)), F("count", U32((uint)messages.Length))], [.. index]));
            infos.Add(Record(
                [F("op", [6]), F("ver", U32(1)), F("chunk_pos", BitConverter.GetBytes((ulong)position)), F("start_time", Time(messages.Min(m => m.TimeNs))), F("end_time", Time(messages.Max(m => m.TimeNs))), F("count", U32(1))],
                [.. U32(0), .. U32((uint)messages.Length)]));
        }

        long indexPos = indexed ? start + body.Count : 0;
        byte[] bagHeader = BagHeader(indexPos, chunks.Length);
        var file = new List<byte>(Encoding.ASCII.GetBytes("#ROSBAG V2.0\n"));
        file.AddRange(bagHeader);
        file.AddRange(body);
        if (indexed)
        {
            file.AddRange(connection);
            infos.ForEach(file.AddRange);
        }

        return [.. file];
    }

    private static byte[] BagHeader(long indexPos, int chunks) =>
        Record([F("op", [3]), F("index_pos", BitConverter.GetBytes((ulong)indexPos)), F("conn_count", U32(1)), F("chunk_count", U32((uint)chunks))], []);

    public static byte[] Time(long ns) => [.. U32((uint)(ns / 1_000_000_000)), .. U32((uint)(ns % 1_000_000_000))];

    private static byte[] Compress(string compression, byte[] data)
    {
        using var output = new MemoryStream();
        using (Stream s = compression switch
        {
            "lz4" => LZ4Stream.Encode(output, leaveOpen: true),
            "bz2" => new BZip2OutputStream(output) { IsStreamOwner = false },
            _ => new MemoryStream(),
        })
        {
            if (compression == "none")
            {
                return data;
            }

            s.Write(data);
        }

        return output.ToArray();
    }

    private static byte[] U32(uint v) => BitConverter.GetBytes(v);

    private static byte[] Str(string s) => [.. U32((uint)Encoding.UTF8.GetByteCount(s)), .. Encoding.UTF8.GetBytes(s)];

    private static byte[] F(string name, byte[] value) => [.. U32((uint)(name.Length + 1 + value.Length)), .. Encoding.ASCII.GetBytes(name + "="), .. value];

    private static byte[] Header(byte[][] fields) => [.. fields.SelectMany(f => f)];

    private static byte[] Record(byte[][] fields, byte[] data)
    {
        byte[] header = Header(fields);
        return [.. U32((uint)header.Length), .. header, .. U32((uint)data.Length), .. data];
    }
}
