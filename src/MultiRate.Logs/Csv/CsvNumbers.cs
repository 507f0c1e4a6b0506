using System.Globalization;
using System.Text.Json.Nodes;
using MultiRate.Logs.Abstractions;

namespace MultiRate.Logs.Csv;

/// <summary>
/// Parses CSV cells without losing digits: an integer cell is read as a 64-bit integer (a
/// 19-digit epoch-nanosecond time or a sequence number stays exact), anything else as a decimal
/// (times) or a double (fields).
/// </summary>
internal static class CsvNumbers
{
    /// <summary>A time cell read as nanoseconds, out of range, or not a number.</summary>
    internal abstract record TimeResult
    {
        /// <summary>The time in nanoseconds.</summary>
        public sealed record Ok(long Ns) : TimeResult;

        /// <summary>A number outside <see cref="LogTime.MinNs"/>..<see cref="LogTime.MaxNs"/>.</summary>
        public sealed record OutOfRange : TimeResult;

        /// <summary>Not a number.</summary>
        public sealed record NotANumber : TimeResult;
    }

    private static readonly TimeResult Bad = new TimeResult.NotANumber();
    private static readonly TimeResult Far = new TimeResult.OutOfRange();

    /// <summary>Reads a time cell in a unit of <paramref name="nsPerUnit"/> nanoseconds.</summary>
    public static TimeResult ParseTimeNs(string text, long nsPerUnit)
    {
        string trimmed = text.Trim();
        if (IsInteger(trimmed))
        {
            if (!long.TryParse(trimmed, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long whole))
            {
                return Far; // more digits than 64 bits hold
            }

            Int128 ns = (Int128)whole * nsPerUnit;
            return ns > LogTime.MaxNs || ns < LogTime.MinNs ? Far : new TimeResult.Ok((long)ns);
        }

        if (!decimal.TryParse(trimmed, NumberStyles.Float, CultureInfo.InvariantCulture, out decimal value))
        {
            return TryParseDouble(trimmed, out double d) && !double.IsNaN(d) ? Far : Bad;
        }

        // Checked before multiplying: decimal arithmetic would overflow for absurd values.
        decimal scaled = decimal.Abs(value) < 1e19m ? decimal.Round(value * nsPerUnit, MidpointRounding.AwayFromZero) : decimal.MaxValue;
        return scaled is > LogTime.MaxNs or < LogTime.MinNs ? Far : new TimeResult.Ok((long)scaled);
    }

    /// <summary>Reads a field cell: an integer that fits 64 bits as <see cref="long"/>, any other number as <see cref="double"/>.</summary>
    public static bool TryParseField(string text, out JsonValue? value)
    {
        string trimmed = text.Trim();
        if (IsInteger(trimmed) && long.TryParse(trimmed, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long whole))
        {
            value = JsonValue.Create(whole);
            return true;
        }

        if (TryParseDouble(trimmed, out double d))
        {
            value = JsonValue.Create(d);
            return true;
        }

        value = null;
        return false;
    }

    /// <summary>
    /// A double in the invariant culture, with the spellings of infinity that C's printf, Python and
    /// NumPy write (<c>inf</c>, <c>-inf</c>, <c>+inf</c>, any case) besides .NET's own (<c>Infinity</c>):
    /// those tools write <c>nan</c> and <c>inf</c> alike, and .NET alone knows only the first.
    /// </summary>
    private static bool TryParseDouble(string text, out double value)
    {
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value))
        {
            return true;
        }

        ReadOnlySpan<char> t = text;
        bool negative = t.Length > 0 && t[0] == '-';
        t = t.Length > 0 && (t[0] == '-' || t[0] == '+') ? t[1..] : t;
        if (t.Equals("inf", StringComparison.OrdinalIgnoreCase))
        {
            value = negative ? double.NegativeInfinity : double.PositiveInfinity;
            return true;
        }

        return false;
    }

    private static bool IsInteger(string text)
    {
        int start = text.Length > 0 && (text[0] == '-' || text[0] == '+') ? 1 : 0;
        if (start == text.Length)
        {
            return false;
        }

        for (int i = start; i < text.Length; i++)
        {
            if (!char.IsAsciiDigit(text[i]))
            {
                return false;
            }
        }

        return true;
    }
}
