namespace MultiRate.Tests.Shared;

/// <summary>
/// The format-blind edits both fuzz mutators make (kinds 0-5): bit flip, overwrite, truncation,
/// insertion, deletion and duplication of a range. Each mutator adds its own format's lies on top.
/// </summary>
internal static class ByteEdits
{
    /// <summary>Edit kinds handled here (0 to Common - 1).</summary>
    public const int Common = 6;

    /// <summary>Applies edit <paramref name="kind"/> at <paramref name="at"/> (non-empty data).</summary>
    /// <param name="data">The bytes, edited in place.</param>
    /// <param name="kind">0 flip, 1 overwrite, 2 truncate, 3 insert, 4 delete, 5 duplicate.</param>
    /// <param name="at">Index of the edit, within the data.</param>
    /// <param name="b">A second random number (bit, lengths, destination).</param>
    /// <param name="value">A random byte for overwrites.</param>
    /// <param name="insert">What an insertion writes: the byte and how many of it, from <paramref name="b"/> and <paramref name="value"/>.</param>
    /// <param name="deleteMax">Longest deletion.</param>
    /// <param name="duplicateMax">Longest duplicated range.</param>
    public static void Apply(List<byte> data, int kind, int at, int b, byte value, Func<int, byte, (byte Byte, int Count)> insert, int deleteMax, int duplicateMax)
    {
        switch (kind)
        {
            case 0:
                data[at] ^= (byte)(1 << (b % 8));
                break;
            case 1:
                data[at] = value;
                break;
            case 2:
                data.RemoveRange(at, data.Count - at); // truncation, the crashed-writer case
                break;
            case 3:
                (byte fill, int count) = insert(b, value);
                data.InsertRange(at, Enumerable.Repeat(fill, count));
                break;
            case 4:
                data.RemoveRange(at, Math.Min(data.Count - at, 1 + (b % deleteMax)));
                break;
            case 5:
                int len = Math.Min(data.Count - at, 1 + (b % duplicateMax));
                data.InsertRange(b % data.Count, data.GetRange(at, len));
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(kind), kind, "a format-specific edit");
        }
    }
}
