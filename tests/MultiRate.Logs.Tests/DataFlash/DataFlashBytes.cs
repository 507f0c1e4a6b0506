using System.Text;

namespace MultiRate.Logs.Tests.DataFlash;

/// <summary>Builds small DataFlash logs: FMT records and messages.</summary>
internal static class DataFlashBytes
{
    public static byte[] Fmt(byte type, string name, string format, string columns, int? length = null)
    {
        int size = format.Sum(c => c switch
        {
            'b' or 'B' or 'M' => 1,
            'h' or 'H' or 'c' or 'C' or 'g' => 2,
            'i' or 'I' or 'f' or 'e' or 'E' or 'L' or 'n' => 4,
            'd' or 'q' or 'Q' => 8,
            'N' => 16,
            _ => 64,
        });
        var b = new List<byte> { 0xA3, 0x95, 128, type, (byte)(length ?? (size + 3)) };
        b.AddRange(Fixed(name, 4));
        b.AddRange(Fixed(format, 16));
        b.AddRange(Fixed(columns, 64));
        return [.. b];
    }

    public static byte[] Message(byte type, params byte[][] fields) => [0xA3, 0x95, type, .. fields.SelectMany(f => f)];

    public static byte[] Fixed(string text, int length)
    {
        byte[] b = new byte[length];
        Encoding.ASCII.GetBytes(text).AsSpan(0, Math.Min(length, text.Length)).CopyTo(b);
        return b;
    }

    public static byte[] Log(params byte[][] records) => [.. records.SelectMany(r => r)];
}
