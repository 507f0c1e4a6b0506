using System.Text.Json.Nodes;
using MultiRate.Logs.Mcap;

namespace MultiRate.Logs.Tests.Crash;

/// <summary>
/// The oracle for the crash tests, worked out from a complete file with the indexed reader: where
/// each chunk ends and how many messages it holds, and every message (log time, seq) in file order.
/// </summary>
internal sealed class McapChunkLayout
{
    private McapChunkLayout(int length, List<(long End, int Messages)> chunks, List<(long Time, long Seq)> fileOrder)
    {
        Length = length;
        Chunks = chunks;
        FileOrder = fileOrder;
    }

    public int Length { get; }

    /// <summary>Chunks in file order: the offset just past the chunk record, and its message count.</summary>
    public IReadOnlyList<(long End, int Messages)> Chunks { get; }

    /// <summary>Every message in file order.</summary>
    public IReadOnlyList<(long Time, long Seq)> FileOrder { get; }

    public static McapChunkLayout Of(byte[] file)
    {
        McapIndexedReader reader = McapIndexedReader.Open(new MemoryStream(file));
        var chunks = new List<(long End, int Messages)>();
        var fileOrder = new List<(long Time, long Seq)>();
        foreach (McapChunkIndex index in reader.ChunkIndexes.OrderBy(c => c.ChunkStartOffset))
        {
            chunks.Add(((long)(index.ChunkStartOffset + index.ChunkLength), reader.ReadMessageIndexes(index).Sum(i => i.Entries.Count)));
        }

        // File order from the front-to-back reader: the order a crashed file is replayed in.
        foreach (McapRecord record in new McapStreamReader(new MemoryStream(file)).ReadRecords())
        {
            if (record is McapMessage m)
            {
                var json = JsonNode.Parse(m.Data.Span)!.AsObject();
                fileOrder.Add(((long)m.LogTime, (long)json["seq"]!.GetValue<double>()));
            }
        }

        return new McapChunkLayout(file.Length, chunks, fileOrder);
    }

    /// <summary>Messages in the chunks that end at or before <paramref name="cut"/>.</summary>
    public int MessagesInChunksEndingBy(int cut) => Chunks.Where(c => c.End <= cut).Sum(c => c.Messages);

    /// <summary>Cuts around every chunk boundary (just before, at, just after, mid-header) plus every 37th byte, never the whole file.</summary>
    public IEnumerable<int> CutPoints()
    {
        var cuts = new SortedSet<int>();
        foreach ((long end, _) in Chunks)
        {
            foreach (int delta in (int[])[-1, 0, 1, 5, 9, 10])
            {
                cuts.Add((int)end + delta);
            }
        }

        for (int c = 8; c < Length; c += 37)
        {
            cuts.Add(c);
        }

        cuts.Add(Length - 1);
        return cuts.Where(c => c >= 8 && c < Length);
    }
}
