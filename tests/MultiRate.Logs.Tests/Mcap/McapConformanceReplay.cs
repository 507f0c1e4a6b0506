using System.Globalization;
using System.Text.Json.Nodes;
using MultiRate.Logs.Mcap;

namespace MultiRate.Logs.Tests.Mcap;

/// <summary>Replays a conformance case's input records into <see cref="McapWriter"/>, as the upstream writer runners do.</summary>
internal static class McapConformanceReplay
{
    public static byte[] Write(McapConformanceCase testCase)
    {
        JsonObject header = testCase.RecordsOfType("Header").Single();
        var options = new McapWriterOptions
        {
            Profile = Str(header, "profile"),
            Library = Str(header, "library"),
            Compression = McapCompression.None,
            UseChunks = testCase.Features.Contains("ch"),
            UseMessageIndex = testCase.Features.Contains("mx"),
            UseChunkIndex = testCase.Features.Contains("chx"),
            UseStatistics = testCase.Features.Contains("st"),
            RepeatSchemas = testCase.Features.Contains("rsh"),
            RepeatChannels = testCase.Features.Contains("rch"),
            UseAttachmentIndex = testCase.Features.Contains("ax"),
            UseMetadataIndex = testCase.Features.Contains("mdx"),
            UseSummaryOffsets = testCase.Features.Contains("sum"),
        };

        using var output = new MemoryStream();
        using (var writer = new McapWriter(output, options, leaveOpen: true))
        {
            var schemaIds = new Dictionary<ulong, ushort>();
            var channelIds = new Dictionary<ulong, ushort>();
            // Only the data section is writer input: the summary repeats schemas and channels as outputs.
            IEnumerable<JsonObject> input = testCase.Records.Select(r => r!.AsObject()).TakeWhile(r => r["type"]!.GetValue<string>() != "DataEnd");
            foreach (JsonObject record in input)
            {
                switch (record["type"]!.GetValue<string>())
                {
                    case "Schema":
                        schemaIds[Num(record, "id")] = writer.AddSchema(Str(record, "name"), Str(record, "encoding"), Bytes(record, "data"));
                        break;
                    case "Channel":
                        ulong schemaId = Num(record, "schema_id");
                        channelIds[Num(record, "id")] = writer.AddChannel(
                            schemaId == 0 ? (ushort)0 : schemaIds[schemaId], Str(record, "topic"), Str(record, "message_encoding"), Map(record, "metadata"));
                        break;
                    case "Message":
                        writer.WriteMessage(
                            channelIds[Num(record, "channel_id")], (uint)Num(record, "sequence"), Num(record, "log_time"), Num(record, "publish_time"), Bytes(record, "data"));
                        break;
                    case "Attachment":
                        writer.AddAttachment(Str(record, "name"), Str(record, "media_type"), Num(record, "log_time"), Num(record, "create_time"), Bytes(record, "data"));
                        break;
                    case "Metadata":
                        writer.AddMetadata(Str(record, "name"), Map(record, "metadata"));
                        break;
                }
            }

            writer.Finish();
        }

        return output.ToArray();
    }

    /// <summary>Describes the first difference: byte offset and the record (opcode, start) it falls in.</summary>
    public static string DescribeFirstDifference(byte[] expected, byte[] actual)
    {
        int n = Math.Min(expected.Length, actual.Length);
        int at = Enumerable.Range(0, n).FirstOrDefault(i => expected[i] != actual[i], n);
        int pos = 8;
        while (pos + 9 <= expected.Length)
        {
            long length = BitConverter.ToInt64(expected, pos + 1);
            if (at < pos + 9 + length)
            {
                return $"lengths {expected.Length} vs {actual.Length}; first difference at byte {at}, in record opcode 0x{expected[pos]:X2} starting at {pos}";
            }

            pos += 9 + (int)length;
        }

        return $"lengths {expected.Length} vs {actual.Length}; first difference at byte {at}";
    }

    private static string Str(JsonObject record, string name) => McapConformanceCase.Field(record, name)!.GetValue<string>();

    private static ulong Num(JsonObject record, string name) => ulong.Parse(Str(record, name), CultureInfo.InvariantCulture);

    private static byte[] Bytes(JsonObject record, string name) =>
        McapConformanceCase.Field(record, name)!.AsArray().Select(b => byte.Parse(b!.GetValue<string>(), CultureInfo.InvariantCulture)).ToArray();

    private static List<KeyValuePair<string, string>> Map(JsonObject record, string name) =>
        McapConformanceCase.Field(record, name)!.AsObject().Select(p => new KeyValuePair<string, string>(p.Key, p.Value!.GetValue<string>())).ToList();
}
