using System.Globalization;
using YamlDotNet.Core;

namespace MultiRate.Configuration.Yaml;

/// <summary>
/// Measures how deeply YAML text nests before the parser sees it. YamlDotNet parses and builds
/// nested collections by recursion, so a file of a few hundred kilobytes of <c>{a: {a: ...}}</c>
/// overflows the stack, which no handler can catch. This scan is iterative and approximates the
/// YAML tokenizer closely enough to bound what the parser can meet.
/// </summary>
/// <remarks>
/// Counted: flow collections (<c>[</c>, <c>{</c>) opened where a value can start, block indentation
/// levels and <c>- </c> entries nested on one line. Quoted scalars, comments and block scalar
/// bodies are skipped. The count may overestimate a pathological file; it never underestimates
/// the parser's recursion.
/// </remarks>
internal static class YamlDepthGuard
{
    /// <summary>The deepest nesting accepted; the shipped files nest 4 levels.</summary>
    public const int MaxDepth = 64;

    /// <summary>The longest text accepted, in characters (the same as the file cap).</summary>
    public const int MaxChars = 1 << 20;

    /// <summary>Returns null when the text is within the limits, else the position and message of the first violation.</summary>
    public static (Mark At, string Message)? Check(string text)
    {
        if (text.Length > MaxChars)
        {
            return (new Mark(0, 1, 1), Inv($"the text is {text.Length} characters; the limit is {MaxChars} (1 MiB)"));
        }

        var indents = new Stack<int>();
        int flow = 0;
        int line = 1;
        int i = 0;
        int blockScalarIndent = -1; // > -1 while inside a block scalar body: lines indented beyond it are content
        while (i < text.Length)
        {
            int lineStart = i;
            int indent = 0;
            while (i < text.Length && text[i] == ' ')
            {
                indent++;
                i++;
            }

            bool blank = i >= text.Length || text[i] is '\n' or '\r' or '#';
            if (blockScalarIndent >= 0 && (blank || indent > blockScalarIndent))
            {
                i = SkipLine(text, i);
                line++;
                continue;
            }

            blockScalarIndent = -1;
            if (!blank && flow == 0)
            {
                while (indents.Count > 0 && indents.Peek() >= indent)
                {
                    indents.Pop();
                }

                indents.Push(indent);
            }

            int lineDepth = flow == 0 ? indents.Count : indents.Count + flow;
            char previous = '\n';
            while (i < text.Length && text[i] != '\n')
            {
                char c = text[i];
                if (c == '#' && (i == lineStart || text[i - 1] is ' ' or '\t'))
                {
                    int end = text.IndexOf('\n', i);
                    i = end < 0 ? text.Length : end;
                    break;
                }

                if ((c == '\'' || c == '"') && StartsValue(previous))
                {
                    i = SkipQuoted(text, i, ref line);
                    previous = c;
                    continue;
                }

                if ((c == '[' || c == '{') && (flow > 0 || StartsValue(previous)))
                {
                    flow++;
                }
                else if ((c == ']' || c == '}') && flow > 0)
                {
                    flow--;
                }
                else if (c == '-' && flow == 0 && (previous is '\n' or ' ' or '-') && IsBlank(text, i + 1) && OnlyDashesBefore(text, lineStart + indent, i))
                {
                    lineDepth++;
                }
                else if ((c == '|' || c == '>') && flow == 0 && i > 0 && text[i - 1] == ' ' && RestIsIndicator(text, i + 1))
                {
                    blockScalarIndent = indent;
                }

                if (flow > 0)
                {
                    lineDepth = Math.Max(lineDepth, indents.Count + flow);
                }

                if (lineDepth > MaxDepth)
                {
                    int column = i - LineStart(text, i) + 1;
                    return (new Mark(i, line, column), Inv($"the YAML nests more than {MaxDepth} levels deep here; flatten the structure (a rate profile or model config nests about 4)"));
                }

                if (c is not (' ' or '\t'))
                {
                    previous = c;
                }
                else if (previous is ',' or ':' or '-' or '?' or '[' or '{' or '\n')
                {
                    // Keep the indicator: a value may start after it and the spaces.
                }
                else
                {
                    previous = ' ';
                }

                i++;
            }

            if (i < text.Length)
            {
                i++;
                line++;
            }
        }

        return null;
    }

    /// <summary>True when a flow collection or quoted scalar may start after <paramref name="previous"/>.</summary>
    private static bool StartsValue(char previous) => previous is '\n' or ' ' or ':' or ',' or '[' or '{' or '-' or '?' or '!' or '&';

    private static bool IsBlank(string text, int i) => i >= text.Length || text[i] is ' ' or '\t' or '\n' or '\r';

    private static bool OnlyDashesBefore(string text, int from, int to)
    {
        for (int j = from; j < to; j++)
        {
            if (text[j] is not ('-' or ' '))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>After '|' or '>': only chomping/indent indicators, spaces and a comment may follow on the line.</summary>
    private static bool RestIsIndicator(string text, int i)
    {
        for (; i < text.Length && text[i] != '\n'; i++)
        {
            char c = text[i];
            if (c == '#')
            {
                return true;
            }

            if (c is not ('+' or '-' or ' ' or '\t' or '\r') && !char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }

    private static int SkipLine(string text, int i)
    {
        int end = text.IndexOf('\n', i);
        return end < 0 ? text.Length : end + 1;
    }

    /// <summary>Skips a quoted scalar (which may span lines); returns the index after its closing quote.</summary>
    private static int SkipQuoted(string text, int i, ref int line)
    {
        char quote = text[i];
        for (i++; i < text.Length; i++)
        {
            char c = text[i];
            if (c == '\n')
            {
                line++;
            }
            else if (quote == '"' && c == '\\')
            {
                i++;
            }
            else if (c == quote)
            {
                if (quote == '\'' && i + 1 < text.Length && text[i + 1] == '\'')
                {
                    i++;
                    continue;
                }

                return i + 1;
            }
        }

        return text.Length;
    }

    private static int LineStart(string text, int i) => i == 0 ? 0 : text.LastIndexOf('\n', i - 1) + 1;

    private static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
