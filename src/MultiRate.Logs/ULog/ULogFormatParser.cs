using System.Globalization;
using MultiRate.Logs.Abstractions;

namespace MultiRate.Logs.ULog;

/// <summary>Parses the text of a format definition: <c>name:type field;type[N] field;...</c>.</summary>
internal static class ULogFormatParser
{
    /// <summary>Array lengths above this cannot fit in a record (sizes are u16), so they mean corruption.</summary>
    public const int MaxArrayLength = ushort.MaxValue;

    public static ULogFormat Parse(ReadOnlySpan<byte> payload, string? path, long offset)
    {
        string text = ULogPrimitives.ReadString(payload);
        int colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0)
        {
            throw Error(path, offset, text, "'name:' followed by fields");
        }

        string name = text[..colon];
        var fields = new List<ULogField>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (string part in text[(colon + 1)..].Split(';'))
        {
            string item = part.Trim();
            if (item.Length > 0)
            {
                ULogField field = ParseField(item, path, offset, name);

                // A name twice would make a message ambiguous (and one JSON object cannot hold both); padding is never decoded.
                if (!field.IsPadding && !names.Add(field.Name))
                {
                    throw Error(path, offset, name, $"distinct field names, got '{field.Name}' twice");
                }

                fields.Add(field);
            }
        }

        return new ULogFormat(name, fields);
    }

    private static ULogField ParseField(string item, string? path, long offset, string format)
    {
        int space = item.IndexOf(' ', StringComparison.Ordinal);
        if (space <= 0 || space == item.Length - 1)
        {
            throw Error(path, offset, format, $"a field 'type name', got '{item}'");
        }

        string type = item[..space];
        string fieldName = item[(space + 1)..].Trim();
        int? length = null;
        int open = type.IndexOf('[', StringComparison.Ordinal);
        if (open >= 0)
        {
            bool ok = type.EndsWith(']')
                && int.TryParse(type.AsSpan(open + 1, type.Length - open - 2), NumberStyles.None, CultureInfo.InvariantCulture, out int n)
                && n is > 0 and <= MaxArrayLength;
            if (!ok || open == 0)
            {
                throw Error(path, offset, format, $"an array type 'type[N]' with 1 <= N <= {MaxArrayLength}, got '{type}'");
            }

            length = int.Parse(type.AsSpan(open + 1, type.Length - open - 2), CultureInfo.InvariantCulture);
            type = type[..open];
        }

        return new ULogField(type, fieldName, length);
    }

    private static LogFormatException Error(string? path, long offset, string format, string expected) =>
        new(path, offset, $"format definition '{format}'", expected);
}
