using System.Text;
using System.Text.RegularExpressions;

namespace MultiRate.Inference.Weights;

/// <summary>
/// Earlier builds saved every expert tensor twice: under its PyTorch-style name
/// (<c>experts.0.fc1.weight</c>) and under the C# auto-property's backing field
/// (<c>experts.0.&lt;Fc1&gt;k__BackingField.weight</c>). Such files still load: a backing-field
/// name maps to its canonical name, and the canonical copy wins when both are present (it is the
/// one that standard tools edit).
/// </summary>
internal static partial class LegacyTensorNames
{
    /// <summary>The canonical name of a legacy backing-field name, or null when <paramref name="name"/> is not one.</summary>
    public static string? Canonical(string name)
    {
        if (!name.Contains("k__BackingField", StringComparison.Ordinal))
        {
            return null;
        }

        return BackingField().Replace(name, m => SnakeCase(m.Groups[1].Value));
    }

    /// <summary>PascalCase to snake_case: <c>Fc1</c> to <c>fc1</c>, <c>InProj</c> to <c>in_proj</c>.</summary>
    private static string SnakeCase(string pascal)
    {
        var text = new StringBuilder(pascal.Length + 4);
        for (int i = 0; i < pascal.Length; i++)
        {
            char c = pascal[i];
            if (char.IsUpper(c) && i > 0)
            {
                text.Append('_');
            }

            text.Append(char.ToLowerInvariant(c));
        }

        return text.ToString();
    }

    [GeneratedRegex(@"<([A-Za-z0-9]+)>k__BackingField")]
    private static partial Regex BackingField();
}
