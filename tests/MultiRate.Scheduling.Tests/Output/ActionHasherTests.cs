using System.Buffers.Binary;
using System.Security.Cryptography;
using MultiRate.Core.Sensors;
using MultiRate.Scheduling.Output;

namespace MultiRate.Scheduling.Tests.Output;

public class ActionHasherTests
{
    // The digest the unbuffered hasher produced: SHA-256 over (tick int64 LE, kind byte, values float32 LE) per action.
    private static string Expected(IEnumerable<(long Tick, ActionKind Kind, float[] Values)> actions)
    {
        var bytes = new List<byte>();
        foreach ((long tick, ActionKind kind, float[] values) in actions)
        {
            byte[] head = new byte[9];
            BinaryPrimitives.WriteInt64LittleEndian(head, tick);
            head[8] = (byte)kind;
            bytes.AddRange(head);
            foreach (float v in values)
            {
                byte[] one = new byte[4];
                BinaryPrimitives.WriteSingleLittleEndian(one, v);
                bytes.AddRange(one);
            }
        }

        return Convert.ToHexStringLower(SHA256.HashData(bytes.ToArray()));
    }

    [Theory]
    [InlineData(3, 1)]
    [InlineData(3, 5_000)] // 105 KB: many buffer flushes, records straddling no boundary
    [InlineData(7, 1_000)] // 37-byte records: a flush before a record that does not fit
    [InlineData(2_000, 5)] // 8 KB records: wider than the buffer, hashed unbuffered between buffered ones
    public void Finish_AcrossBufferFlushes_EqualsOneShotSha256(int dimension, int count)
    {
        var random = new Random(dimension + count);
        var actions = new List<(long, ActionKind, float[])>();
        using var hasher = new ActionHasher();
        for (int i = 0; i < count; i++)
        {
            float[] values = [.. Enumerable.Range(0, i % 3 == 2 ? 1 : dimension).Select(_ => (float)random.NextDouble())];
            var kind = (ActionKind)(i % 4);
            actions.Add((i * 7L, kind, values));
            hasher.Append(i * 7L, kind, values);
        }

        Assert.Equal(Expected(actions), hasher.Finish());
        Assert.Equal(Expected(actions), hasher.Finish()); // idempotent
    }
}
