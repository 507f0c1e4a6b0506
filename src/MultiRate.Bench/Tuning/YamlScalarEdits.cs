using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace MultiRate.Bench.Tuning;

/// <summary>
/// Replaces scalar values of a YAML text in place, at the exact character span YamlDotNet's parser
/// reports for each scalar (<see cref="Mark.Index"/>), so comments, blank lines, key order, flow
/// style and line endings stay as the author wrote them. Nothing is re-serialised.
/// </summary>
internal static class YamlScalarEdits
{
    /// <summary>The span of <c>clocks.&lt;clock&gt;.&lt;key&gt;</c>'s scalar value, or null when the key is absent.</summary>
    /// <exception cref="TuningInputException">The text is not YAML, or the node is not a plain scalar mapping entry.</exception>
    public static (int Start, int End, long Line, string Value)? Find(string text, string path, string clock, string key)
    {
        YamlMappingNode root = Root(text, path);
        if (Child(root, "clocks") is not YamlMappingNode clocks || Child(clocks, clock) is not YamlMappingNode entry)
        {
            return null;
        }

        YamlNode? node = Child(entry, key);
        if (node is null)
        {
            return null;
        }

        if (node is not YamlScalarNode scalar || scalar.Value is null)
        {
            throw new TuningInputException(Inv($"{path}:{node.Start.Line}:{node.Start.Column}: clocks.{clock}.{key}: expected a number to replace"));
        }

        // Marks index the text YamlDotNet read; Root() strips a byte order mark the same way before parsing.
        int offset = text.StartsWith('\uFEFF') ? 1 : 0;
        return ((int)scalar.Start.Index + offset, (int)scalar.End.Index + offset, scalar.Start.Line, scalar.Value);
    }

    /// <summary>Applies replacements (non-overlapping spans), last first so earlier offsets stay valid.</summary>
    public static string Apply(string text, IEnumerable<(int Start, int End, string NewValue)> edits)
    {
        var builder = new System.Text.StringBuilder(text);
        foreach (var (start, end, value) in edits.OrderByDescending(e => e.Start))
        {
            builder.Remove(start, end - start).Insert(start, value);
        }

        return builder.ToString();
    }

    private static YamlMappingNode Root(string text, string path)
    {
        string body = text.StartsWith('\uFEFF') ? text[1..] : text;
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(body));
        }
        catch (YamlException ex)
        {
            throw new TuningInputException(Inv($"{path}:{ex.Start.Line}:{ex.Start.Column}: not valid YAML; run 'multirate validate {path}' for details"), ex);
        }

        return stream.Documents.Count > 0 && stream.Documents[0].RootNode is YamlMappingNode root
            ? root
            : throw new TuningInputException($"{path}: expected a rate profile (a YAML mapping with a 'clocks' key)");
    }

    private static YamlNode? Child(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out YamlNode? node) ? node : null;

    private static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
