using System.Buffers.Binary;
using CsCheck;

namespace MultiRate.Logs.Tests.Fuzz;

/// <summary>
/// Mutated and random inputs for the byte-level fuzz targets. A mutated input is a real file with
/// 1-6 edits: bit flips, byte overwrites, truncation, insertion, deletion, duplication of a range,
/// and length-field lies (an extreme or off-by-a-bit value written over a real length field, or
/// anywhere).
/// </summary>
internal static class ByteMutator
{
    /// <summary>Values a lying length field likes to take.</summary>
    private static readonly ulong[] Lies =
    [
        0, 1, 2, 7, 8, 9, 0x7F, 0x80, 0xFF, 0x100, 0xFFFF, 0x10000, 0x7FFF_FFFF, 0x8000_0000, 0xFFFF_FFFF,
        0x1_0000_0000, 0x7FFF_FFFF_FFFF_FFFF, 0x8000_0000_0000_0000, ulong.MaxValue, ulong.MaxValue - 8,
    ];

    /// <summary>A base file and the offsets of its length fields (with their widths in bytes).</summary>
    public sealed record Base(byte[] Bytes, IReadOnlyList<(int Offset, int Width)> LengthFields);

    /// <summary>Mutations of the bases.</summary>
    public static Gen<byte[]> Mutated(IReadOnlyList<Base> bases) =>
        Gen.Select(Gen.Int[0, bases.Count - 1], Edit.Array[1, 6], (b, edits) => Apply(bases[b], edits));

    /// <summary>Random bytes, optionally after a fixed prefix (the format's magic) so the reader gets past it.</summary>
    public static Gen<byte[]> Random(byte[] prefix, int maxLength) =>
        Gen.Select(Gen.Bool, Gen.Byte.Array[0, maxLength], (withPrefix, tail) => withPrefix ? [.. prefix, .. tail] : tail);

    private static Gen<(int Kind, int A, int B, byte Value)> Edit =>
        Gen.Select(Gen.Int[0, 8], Gen.Int[0, int.MaxValue], Gen.Int[0, int.MaxValue], Gen.Byte, (k, a, b, v) => (k, a, b, v));

    private static byte[] Apply(Base source, (int Kind, int A, int B, byte Value)[] edits)
    {
        var data = new List<byte>(source.Bytes);
        foreach ((int kind, int a, int b, byte value) in edits)
        {
            if (data.Count == 0)
            {
                data.Add(value);
                continue;
            }

            int at = a % data.Count;
            if (kind < ByteEdits.Common)
            {
                ByteEdits.Apply(data, kind, at, b, value, static (n, v) => (v, 1 + (n % 16)), deleteMax: 64, duplicateMax: 256);
                continue;
            }

            switch (kind)
            {
                case 6 or 7 when source.LengthFields.Count > 0:
                    (int offset, int width) = source.LengthFields[b % source.LengthFields.Count];
                    Lie(data, offset, width, LieValue(a, data.Count));
                    break;
                default:
                    Lie(data, at, 1 << (b % 4), LieValue(a, data.Count));
                    break;
            }
        }

        return [.. data];
    }

    /// <summary>An extreme value, or the file length give or take a little (lies that almost fit).</summary>
    private static ulong LieValue(int a, int length) =>
        a % 3 == 0 ? (ulong)Math.Max(0, length + (a % 17) - 8) : Lies[a % Lies.Length];

    private static void Lie(List<byte> data, int offset, int width, ulong value)
    {
        Span<byte> bytes = stackalloc byte[8];
        BinaryPrimitives.WriteUInt64LittleEndian(bytes, value);
        for (int i = 0; i < width && offset + i < data.Count; i++)
        {
            data[offset + i] = bytes[i];
        }
    }
}
