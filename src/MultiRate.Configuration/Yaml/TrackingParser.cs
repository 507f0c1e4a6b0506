using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace MultiRate.Configuration.Yaml;

/// <summary>
/// Wraps YamlDotNet's parser to remember where the last well-formed event ended, so a failure
/// that the library reports without a position still gets one.
/// </summary>
internal sealed class TrackingParser : IParser
{
    private readonly IParser inner;

    /// <summary>Wraps a parser.</summary>
    public TrackingParser(IParser inner)
    {
        this.inner = inner;
    }

    /// <summary>End of the last event read (line 1, column 1 before any).</summary>
    public Mark LastGood { get; private set; } = new(0, 1, 1);

    /// <inheritdoc/>
    public ParsingEvent? Current => inner.Current;

    /// <inheritdoc/>
    public bool MoveNext()
    {
        bool moved = inner.MoveNext();
        if (inner.Current is { } e)
        {
            LastGood = e.End;
        }

        return moved;
    }
}
