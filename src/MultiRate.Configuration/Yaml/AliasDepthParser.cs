using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace MultiRate.Configuration.Yaml;

/// <summary>
/// Passes the parser's events through while measuring nesting the way the node tree will have it:
/// an alias adds the height of the collection it names. A chain of aliases (each collection holding
/// an alias to the previous one) nests as deeply as a chain of brackets, without a single bracket in
/// the text, and YamlDotNet hashes and compares such nodes by recursion: a few thousand links
/// overflow the stack, which no handler catches. Deeper than <see cref="YamlDepthGuard.MaxDepth"/>,
/// an alias to a collection still open (a cycle), or an alias before its anchor, is a
/// <see cref="YamlException"/> at the alias.
/// </summary>
internal sealed class AliasDepthParser : IParser
{
    private readonly IParser _inner;
    private readonly Stack<(AnchorName Anchor, int Tallest)> _open = new();
    private readonly Dictionary<AnchorName, int> _heights = [];

    public AliasDepthParser(IParser inner)
    {
        _inner = inner;
    }

    /// <inheritdoc/>
    public ParsingEvent? Current => _inner.Current;

    /// <inheritdoc/>
    public bool MoveNext()
    {
        bool moved = _inner.MoveNext();
        switch (_inner.Current)
        {
            case MappingStart or SequenceStart:
                _open.Push((((NodeEvent)_inner.Current).Anchor, 0));
                break;
            case MappingEnd or SequenceEnd:
                (AnchorName anchor, int tallest) = _open.Pop();
                Child(anchor, tallest + 1, _inner.Current);
                break;
            case Scalar scalar:
                Child(scalar.Anchor, 0, scalar);
                break;
            case AnchorAlias alias:
                if (!_heights.TryGetValue(alias.Value, out int height))
                {
                    // An anchor still open is a cycle. One not seen yet is an error in YAML, but the node
                    // builder resolves it at the end of the document, which can close a cycle unseen here.
                    throw new YamlException(
                        alias.Start,
                        alias.End,
                        _open.Any(o => o.Anchor == alias.Value)
                            ? $"the alias *{alias.Value} refers to a collection that contains it; a configuration cannot refer to itself"
                            : $"the alias *{alias.Value} comes before its anchor &{alias.Value}; define the anchor first");
                }

                Child(AnchorName.Empty, height, alias);
                break;
        }

        return moved;
    }

    private void Child(AnchorName anchor, int height, ParsingEvent at)
    {
        if (_open.Count + height > YamlDepthGuard.MaxDepth)
        {
            throw new YamlException(at.Start, at.End, string.Create(CultureInfo.InvariantCulture, $"the YAML nests more than {YamlDepthGuard.MaxDepth} levels deep here once aliases are expanded; flatten the structure (a rate profile or model config nests about 4)"));
        }

        if (!anchor.IsEmpty)
        {
            _heights[anchor] = height;
        }

        if (_open.Count > 0)
        {
            (AnchorName parent, int tallest) = _open.Pop();
            _open.Push((parent, Math.Max(tallest, height)));
        }
    }
}
