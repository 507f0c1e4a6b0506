using System.Text;
using CsCheck;

namespace MultiRate.Configuration.Tests.Fuzz;

/// <summary>
/// Mutated and random inputs for the loaders, at the byte level (so invalid UTF-8, NULs and BOMs
/// are covered): bit flips, byte overwrites, truncation, insertion of YAML-significant bytes,
/// deletion and duplication of ranges, and "length lies" for YAML: huge numbers, deep nesting,
/// long runs and alias references written over a value.
/// </summary>
internal static class YamlMutator
{
    private static readonly string[] Lies =
    [
        "99999999999999999999999", "-1", "0", "1e308", "-1e308", "NaN", ".inf", "0x7FFFFFFF", "18446744073709551616",
        "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[", "{a: {a: {a: {a: {a: {a: {a: {a: 1}}}}}}}}", "&a [*a, *a, *a]", "*undefined",
        "!!binary AAAA", "!custom x", "|-\n  text", "~", "null", "''", "\"\\u0000\"", "? [a]\n: b", "<<: *a",
    ];

    private const string Significant = ":-[]{},#&*!|>'\"%@`? \t\n\r~.0123456789";

    public static Gen<byte[]> Mutated(IReadOnlyList<byte[]> bases) =>
        Gen.Select(Gen.Int[0, bases.Count - 1], Edit.Array[1, 6], (b, edits) => Apply(bases[b], edits));

    public static Gen<byte[]> Random(int maxLength) =>
        Gen.OneOf(
            Gen.Byte.Array[0, maxLength],
            Gen.String[Gen.Char[Significant + "abcxyz_"], 0, maxLength].Select(s => Encoding.UTF8.GetBytes(s)));

    private static Gen<(int Kind, int A, int B, byte Value)> Edit =>
        Gen.Select(Gen.Int[0, 7], Gen.Int[0, int.MaxValue], Gen.Int[0, int.MaxValue], Gen.Byte, (k, a, b, v) => (k, a, b, v));

    private static byte[] Apply(byte[] source, (int Kind, int A, int B, byte Value)[] edits)
    {
        var data = new List<byte>(source);
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
                ByteEdits.Apply(data, kind, at, b, value, static (n, _) => ((byte)Significant[n % Significant.Length], 1 + (n % 4)), deleteMax: 32, duplicateMax: 200);
                continue;
            }

            // Otherwise replace the value after the next ':' with a lie.
            int colon = data.IndexOf((byte)':', at);
            int start = colon < 0 ? at : colon + 1;
            int end = data.IndexOf((byte)'\n', start);
            end = end < 0 ? data.Count : end;
            data.RemoveRange(start, end - start);
            data.InsertRange(start, Encoding.UTF8.GetBytes(" " + Lies[b % Lies.Length]));
        }

        return [.. data];
    }
}
