using MultiRate.Core.Errors;
using MultiRate.Core.Models;

namespace MultiRate.Runtime.Sources;

/// <summary>The sensor vector (every distinct input field) and where each module's fields sit in it.</summary>
/// <param name="Fields">Distinct field paths in first-use order: head fields, then context, then goal.</param>
/// <param name="HeadIndices">Indices of the head's fields.</param>
/// <param name="ContextIndices">Indices of the context rows' fields (context then goal).</param>
public sealed record ObservationLayout(IReadOnlyList<string> Fields, int[] HeadIndices, int[] ContextIndices)
{
    /// <summary>Builds the layout from a config's inputs.</summary>
    public static ObservationLayout From(ModelInputs inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var fields = new List<string>();
        int IndexOf(string f)
        {
            int i = fields.IndexOf(f);
            if (i < 0)
            {
                fields.Add(f);
                i = fields.Count - 1;
            }

            return i;
        }

        int[] head = inputs.Head.Select(IndexOf).ToArray();
        int[] context = inputs.Context.Concat(inputs.Goal).Select(IndexOf).ToArray();
        return new ObservationLayout(fields, head, context);
    }

    /// <summary>Checks that a source provides exactly these fields in this order.</summary>
    public void CheckSource(IReadOnlyList<string> sourceFields, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(sourceFields);
        if (!sourceFields.SequenceEqual(Fields))
        {
            throw new UserInputException(
                $"{sourceName}: provides fields [{string.Join(", ", sourceFields)}] but the config's inputs need [{string.Join(", ", Fields)}]");
        }
    }
}
