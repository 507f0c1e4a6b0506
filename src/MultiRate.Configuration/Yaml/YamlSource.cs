using System.Globalization;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace MultiRate.Configuration.Yaml;

/// <summary>Parses YAML text into a node tree that keeps every node's line and column.</summary>
public static partial class YamlSource
{
    /// <summary>
    /// Parses the text. On a syntax error reports one error with its position and returns null;
    /// an empty file or more than one document is also reported.
    /// </summary>
    public static YamlNode? Parse(string text, SourceMap map)
    {
        // File.ReadAllText drops a UTF-8 byte order mark; text handed to Parse may still carry one.
        if (text.StartsWith('\uFEFF'))
        {
            text = text[1..];
        }

        // The parser recurses once per nesting level: refuse deep text before it can overflow the stack.
        if (YamlDepthGuard.Check(text) is { } tooDeep)
        {
            map.ReportAt(string.Empty, tooDeep.At, tooDeep.Message);
            return null;
        }

        var stream = new YamlStream();
        var parser = new TrackingParser(new Parser(new StringReader(text)));
        try
        {
            stream.Load(new AliasDepthParser(parser));
        }
        catch (YamlException ex)
        {
            // Like libyaml, YamlDotNet's Start is often the enclosing element and End the problem
            // itself (e.g. a tab used as indentation), so point at End and mention Start.
            Mark at = ex.End.Line > 0 ? ex.End : ex.Start;
            if (ex.Message.Contains("tab", StringComparison.OrdinalIgnoreCase) && FirstIndentTab(text) is { } tab)
            {
                // Some tab errors are reported at the document start; the tab itself is more useful.
                at = tab;
            }
            else if (at.Index == 0 && parser.LastGood.Index > 0)
            {
                at = parser.LastGood;
            }

            string context = ex.Start.Line > 0 && ex.Start.Line != at.Line
                ? string.Create(CultureInfo.InvariantCulture, $" (in the element starting at line {ex.Start.Line})")
                : string.Empty;
            map.ReportAt(string.Empty, at, "YAML syntax error: " + CleanMessage(ex) + context);
            return null;
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException)
        {
            // YamlDotNet throws these without a position on some malformed input (e.g. an
            // unclosed '[' at the end of the text); report them as syntax errors after the last
            // well-formed element rather than letting a library exception escape.
            map.ReportAt(
                string.Empty,
                parser.LastGood,
                "YAML syntax error: malformed or unterminated structure after this point (check brackets, braces, quotes and indentation)");
            return null;
        }

        if (stream.Documents.Count == 0)
        {
            map.Report(string.Empty, "the file is empty; expected a YAML mapping");
            return null;
        }

        if (stream.Documents.Count > 1)
        {
            map.ReportAt(
                string.Empty,
                stream.Documents[1].RootNode.Start,
                $"expected one YAML document, found {stream.Documents.Count}; remove the extra '---' sections");
        }

        return stream.Documents[0].RootNode;
    }

    /// <summary>The position of the first tab inside a line's leading whitespace, if any.</summary>
    private static Mark? FirstIndentTab(string text)
    {
        string[] lines = text.Split('\n');
        for (int i = 0; i < lines.Length; i++)
        {
            string line = lines[i];
            int content = line.Length - line.TrimStart(' ', '\t').Length;
            int tab = line.IndexOf('\t', 0, content);
            if (tab >= 0)
            {
                return new Mark(1, i + 1, tab + 1);
            }
        }

        return null;
    }

    /// <summary>
    /// YamlDotNet prefixes messages with "(Line: 1, Col: 2, Idx: 3) - (...): "; the error already
    /// carries the position, so drop the prefix and keep the explanation.
    /// </summary>
    private static string CleanMessage(YamlException ex)
    {
        string message = PositionPrefix().Replace(ex.Message, string.Empty).Trim();
        if (ex.InnerException is not null && message.Length == 0)
        {
            message = ex.InnerException.Message;
        }

        return message.Length == 0 ? "malformed YAML" : message;
    }

    [GeneratedRegex(@"^\(Line: \d+, Col: \d+, Idx: \d+\) - \(Line: \d+, Col: \d+, Idx: \d+\):\s*")]
    private static partial Regex PositionPrefix();
}
