using System.Text;

namespace MultiRate.Logs.Decoding;

/// <summary>
/// The field being read or written, kept as a stack of names and indices so that tracking it costs
/// no string per element; it is only formatted for an error message.
/// </summary>
internal sealed class CdrFieldPath
{
    private readonly List<(string? Name, int Index)> parts = [];

    /// <summary>Empties the path.</summary>
    public void Clear() => parts.Clear();

    /// <summary>Enters a field.</summary>
    public void Push(string name) => parts.Add((name, -1));

    /// <summary>Enters an array element.</summary>
    public void Push(int index) => parts.Add((null, index));

    /// <summary>Leaves the innermost field or element.</summary>
    public void Pop() => parts.RemoveAt(parts.Count - 1);

    /// <inheritdoc />
    public override string ToString()
    {
        if (parts.Count == 0)
        {
            return "<root>";
        }

        var sb = new StringBuilder();
        foreach ((string? name, int index) in parts)
        {
            if (name is null)
            {
                sb.Append('[').Append(index).Append(']');
            }
            else
            {
                sb.Append(sb.Length > 0 ? "." : string.Empty).Append(name);
            }
        }

        return sb.ToString();
    }
}
