using System.Globalization;
using System.Text.RegularExpressions;

namespace MultiRate.Logs.Csv;

/// <summary>
/// Finds a CSV file's time column and its unit from the header, the conventions of the tools that
/// write such files, and (only when nothing else says) the size of the first time value.
/// </summary>
/// <remarks>
/// Column, in this order: the one named by <see cref="CsvLogOptions.TimeColumn"/>; else the first whose
/// name, without a leading <c>#</c> or <c>%</c> and without a unit, is <c>time</c>, <c>timestamp</c>,
/// <c>stamp</c>, <c>t</c> or <c>ts</c> (EuRoC's <c>#timestamp [ns]</c>, <c>rostopic echo -p</c>'s
/// <c>%time</c>, <c>time_ns</c>); else the first starting with <c>time</c>; else the first ending
/// with <c>timestamp</c> or <c>stamp</c>.
/// Unit, in this order: <see cref="CsvLogOptions.TimeUnit"/>; a unit in the header (<c>[ns]</c>,
/// <c>(us)</c>, <c>_ms</c>, <c>_sec</c>, ...); <c>%time</c>, which <c>rostopic echo -p</c> writes in
/// nanoseconds; an integer first value of Unix-epoch size (at least 10^17: ns, 10^14: us, 10^11: ms);
/// else seconds.
/// </remarks>
internal static partial class CsvTimeColumn
{
    private static readonly string[] ExactNames = ["time", "timestamp", "stamp", "t", "ts"];

    /// <summary>Where the time column's unit came from, for <c>inspect</c> and error messages.</summary>
    public static string Describe(CsvTimeUnit unit) => unit switch
    {
        CsvTimeUnit.Seconds => "s",
        CsvTimeUnit.Milliseconds => "ms",
        CsvTimeUnit.Microseconds => "us",
        _ => "ns",
    };

    /// <summary>The time column's index, or -1 when none matches.</summary>
    public static int Find(IReadOnlyList<string> header, string? wanted)
    {
        if (wanted is not null)
        {
            return IndexOf(header, h => h == wanted);
        }

        int exact = IndexOf(header, h => ExactNames.Contains(BaseName(h)));
        if (exact >= 0)
        {
            return exact;
        }

        int prefix = IndexOf(header, h => BaseName(h).StartsWith("time", StringComparison.Ordinal));
        return prefix >= 0 ? prefix : IndexOf(header, h => BaseName(h) is var b && (b.EndsWith("timestamp", StringComparison.Ordinal) || b.EndsWith("stamp", StringComparison.Ordinal)));
    }

    /// <summary>The unit of the time column and where it came from (option, header, convention, magnitude, default).</summary>
    public static (CsvTimeUnit Unit, string Source) Unit(string header, string? firstValue, CsvTimeUnit? wanted)
    {
        if (wanted is { } explicitUnit)
        {
            return (explicitUnit, "option");
        }

        if (UnitInHeader(header) is { } named)
        {
            return (named, "header");
        }

        if (header.TrimStart().StartsWith('%'))
        {
            return (CsvTimeUnit.Nanoseconds, "rostopic %time convention");
        }

        if (firstValue is not null && long.TryParse(firstValue.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long v))
        {
            long magnitude = v == long.MinValue ? long.MaxValue : Math.Abs(v);
            CsvTimeUnit? byMagnitude = magnitude switch
            {
                >= 100_000_000_000_000_000 => CsvTimeUnit.Nanoseconds,
                >= 100_000_000_000_000 => CsvTimeUnit.Microseconds,
                >= 100_000_000_000 => CsvTimeUnit.Milliseconds,
                _ => null,
            };
            if (byMagnitude is { } m)
            {
                return (m, "size of the first value (Unix epoch)");
            }
        }

        return (CsvTimeUnit.Seconds, "default");
    }

    /// <summary>The unit a header names, e.g. <c>#timestamp [ns]</c>, <c>Time (s)</c>, <c>time_us</c>; null when none.</summary>
    internal static CsvTimeUnit? UnitInHeader(string header)
    {
        Match bracket = BracketUnit().Match(header);
        if (bracket.Success && ParseUnit(bracket.Groups["unit"].Value) is { } inBrackets)
        {
            return inBrackets;
        }

        Match suffix = SuffixUnit().Match(header);
        return suffix.Success ? ParseUnit(suffix.Groups["unit"].Value) : null;
    }

    /// <summary>The header without leading <c>#</c>/<c>%</c>, a bracketed unit or a unit suffix, lower case.</summary>
    internal static string BaseName(string header)
    {
        string name = header.Trim().TrimStart('#', '%').Trim();
        name = BracketUnit().Replace(name, string.Empty).Trim();
        Match suffix = SuffixUnit().Match(name);
        if (suffix.Success && ParseUnit(suffix.Groups["unit"].Value) is not null)
        {
            name = name[..suffix.Index];
        }

        return name.ToLowerInvariant();
    }

    private static CsvTimeUnit? ParseUnit(string text) => text.Trim().ToLowerInvariant() switch
    {
        "ns" or "nsec" or "nsecs" or "nanoseconds" => CsvTimeUnit.Nanoseconds,
        "us" or "usec" or "usecs" or "µs" or "μs" or "microseconds" => CsvTimeUnit.Microseconds,
        "ms" or "msec" or "msecs" or "milliseconds" => CsvTimeUnit.Milliseconds,
        "s" or "sec" or "secs" or "seconds" => CsvTimeUnit.Seconds,
        _ => null,
    };

    private static int IndexOf(IReadOnlyList<string> header, Func<string, bool> match)
    {
        for (int i = 0; i < header.Count; i++)
        {
            if (match(header[i]))
            {
                return i;
            }
        }

        return -1;
    }

    [GeneratedRegex(@"\s*[\[\(](?<unit>[^\]\)]*)[\]\)]\s*$")]
    private static partial Regex BracketUnit();

    [GeneratedRegex(@"_(?<unit>[a-zµμ]+)$", RegexOptions.IgnoreCase)]
    private static partial Regex SuffixUnit();
}
