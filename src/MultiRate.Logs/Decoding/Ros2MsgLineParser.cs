using System.Globalization;
using MultiRate.Logs.Abstractions;

namespace MultiRate.Logs.Decoding;

/// <summary>
/// Parses one line of a message definition: a field (<c>type name [default]</c>), a constant
/// (<c>type NAME=value</c>), a comment or a blank line.
/// </summary>
/// <param name="error">Makes the error for a line number and an expectation.</param>
internal sealed class Ros2MsgLineParser(Func<int, string, LogFormatException> error)
{
    /// <summary>Adds the field or constant on <paramref name="line"/> (if any) to <paramref name="type"/>.</summary>
    public void ParseLine(Ros2MsgType type, string line, int lineNo)
    {
        string content = StripComment(line).Trim();
        if (content.Length == 0)
        {
            return;
        }

        int ws = content.IndexOfAny([' ', '\t']);
        if (ws < 0)
        {
            throw Error(lineNo, $"a field 'type name' or a constant 'type NAME=value', not '{content}'");
        }

        string typeToken = content[..ws];
        string rest = content[ws..].TrimStart();
        int nameEnd = 0;
        while (nameEnd < rest.Length && (char.IsAsciiLetterOrDigit(rest[nameEnd]) || rest[nameEnd] == '_'))
        {
            nameEnd++;
        }

        string name = rest[..nameEnd];
        if (name.Length == 0 || !char.IsAsciiLetter(name[0]))
        {
            throw Error(lineNo, $"a field or constant name starting with a letter after '{typeToken}', not '{rest}'");
        }

        string after = rest[nameEnd..].TrimStart();
        Ros2FieldType fieldType = ParseType(typeToken, lineNo);
        if (after.StartsWith('='))
        {
            if (fieldType.Primitive == Ros2Primitive.None || fieldType.ArrayKind != Ros2ArrayKind.None)
            {
                throw Error(lineNo, $"a primitive, non-array type for constant '{name}', not '{typeToken}'");
            }

            type.Constants.Add(new Ros2MsgConstant(name, fieldType.Primitive, Unquote(after[1..].Trim())));
            return;
        }

        if (after.Length > 0 && after.Length == rest.Length - nameEnd)
        {
            // Something glued to the name (e.g. "x!"), not a separated default value.
            throw Error(lineNo, $"whitespace after field name '{name}', not '{rest}'");
        }

        if (type.Fields.Exists(f => f.Name == name))
        {
            throw Error(lineNo, $"a unique field name, but '{name}' is declared twice in {type.FullName}");
        }

        // Anything after the name is a default value: CDR does not carry it, so it is ignored.
        type.Fields.Add(new Ros2MsgField(name, fieldType, lineNo));
    }

    private Ros2FieldType ParseType(string token, int lineNo)
    {
        string element = token;
        var kind = Ros2ArrayKind.None;
        int length = 0;
        int bracket = token.IndexOf('[', StringComparison.Ordinal);
        if (bracket >= 0)
        {
            if (!token.EndsWith(']'))
            {
                throw Error(lineNo, $"an array type like T[N], T[<=N] or T[], not '{token}'");
            }

            string inner = token[(bracket + 1)..^1];
            element = token[..bracket];
            (kind, length) = inner.Length == 0 ? (Ros2ArrayKind.Unbounded, 0)
                : inner.StartsWith("<=", StringComparison.Ordinal) ? (Ros2ArrayKind.Bounded, ParseCount(inner[2..], token, lineNo))
                : (Ros2ArrayKind.Fixed, ParseCount(inner, token, lineNo));
        }

        int stringBound = -1;
        int le = element.IndexOf("<=", StringComparison.Ordinal);
        if (le >= 0)
        {
            stringBound = ParseCount(element[(le + 2)..], token, lineNo);
            element = element[..le];
            if (element is not ("string" or "wstring"))
            {
                throw Error(lineNo, $"a bound '<=N' only on string or wstring, not on '{element}'");
            }
        }

        if (element.Length == 0 || !element.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '/'))
        {
            throw Error(lineNo, $"a type name, not '{token}'");
        }

        Ros2Primitive primitive = Ros2TypeNames.Primitives.GetValueOrDefault(element, Ros2Primitive.None);
        return new Ros2FieldType
        {
            Primitive = primitive,
            ElementName = element,
            StringBound = stringBound,
            ArrayKind = kind,
            ArrayLength = length,
        };
    }

    private int ParseCount(string text, string token, int lineNo)
    {
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int value) || value <= 0)
        {
            throw Error(lineNo, $"a positive integer length in '{token}', not '{text}'");
        }

        return value;
    }

    private static string StripComment(string line)
    {
        char quote = '\0';
        for (int i = 0; i < line.Length; i++)
        {
            char c = line[i];
            if (quote != '\0')
            {
                quote = c == quote ? '\0' : quote;
            }
            else if (c is '"' or '\'')
            {
                quote = c;
            }
            else if (c == '#')
            {
                return line[..i];
            }
        }

        return line;
    }

    private static string Unquote(string value) =>
        value.Length >= 2 && (value[0] is '"' or '\'') && value[^1] == value[0] ? value[1..^1] : value;

    private LogFormatException Error(int lineNo, string expected) => error(lineNo, expected);
}
