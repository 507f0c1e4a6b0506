using System.Globalization;
using System.Text.Json.Nodes;
using MultiRate.Logs.Decoding;

namespace MultiRate.Logs.FieldPaths;

/// <summary>
/// A path to one numeric value in a log: a topic, then <c>.field</c> and <c>[index]</c> steps,
/// e.g. <c>/imu.angular_velocity.x</c>, <c>/joint_states.position[3]</c>, <c>sensor_combined/0.gyro_rad[0]</c>.
/// </summary>
/// <remarks>
/// <para>Grammar: <c>path := topic step+</c>, <c>step := '.' name | '[' digits ']'</c>, where a name is
/// one or more characters other than <c>.</c>, <c>[</c>, <c>]</c>. Topics may contain slashes, so
/// the topic is the longest known topic name of the log that prefixes the text and is followed by
/// <c>.</c> or <c>[</c>; a leading <c>/</c> may be present on one side and not the other.</para>
/// <para>Immutable and thread-safe.</para>
/// </remarks>
public sealed class FieldPath
{
    private FieldPath(string text, string topic, FieldPathSegment[] segments)
    {
        Text = text;
        Topic = topic;
        Segments = segments;
    }

    /// <summary>The path as written.</summary>
    public string Text { get; }

    /// <summary>The topic, spelled as the log names it (as written for <see cref="Parse(string)"/>).</summary>
    public string Topic { get; }

    /// <summary>The steps after the topic (at least one).</summary>
    public IReadOnlyList<FieldPathSegment> Segments { get; }

    /// <summary>Parses a path against the topics of a log.</summary>
    /// <param name="text">The path.</param>
    /// <param name="topics">The log's topic names.</param>
    /// <returns>The parsed path, with <see cref="Topic"/> set to the matching log topic.</returns>
    /// <exception cref="FieldPathException">No topic matches (the message lists the log's topics) or the steps are malformed.</exception>
    public static FieldPath Parse(string text, IEnumerable<string> topics)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(topics);
        List<string> known = [.. topics];
        string? best = null;
        int bestEnd = -1;
        foreach (string topic in known)
        {
            int end = MatchTopic(text, topic);
            if (end > bestEnd)
            {
                (best, bestEnd) = (topic, end);
            }
        }

        if (best is null)
        {
            string exact = known.FirstOrDefault(t => MatchTopic(text + ".", t) == text.Length) ?? string.Empty;
            string listed = known.Count == 0 ? "(none)" : string.Join(", ", known.Order(StringComparer.Ordinal));
            throw new FieldPathException(exact.Length > 0
                ? $"field path '{text}': expected '.field' or '[index]' after topic '{exact}'"
                : $"field path '{text}': no topic of the log matches; the log's topics are: {listed}");
        }

        return new FieldPath(text, best, ParseSegments(text, bestEnd));
    }

    /// <summary>Parses a path without a log: the topic is everything before the first <c>.</c> or <c>[</c>.</summary>
    /// <param name="text">The path.</param>
    /// <returns>The parsed path.</returns>
    /// <exception cref="FieldPathException">The path has no topic or no steps, or the steps are malformed.</exception>
    public static FieldPath Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        int end = text.IndexOfAny(['.', '[']);
        if (end <= 0 || (end == 1 && text[0] == '/'))
        {
            throw new FieldPathException($"field path '{text}': expected 'topic.field' (e.g. /imu.angular_velocity.x)");
        }

        return new FieldPath(text, text[..end], ParseSegments(text, end));
    }

    /// <summary>Reads the value the path points to in one message.</summary>
    /// <param name="data">The decoded message of <see cref="Topic"/>.</param>
    /// <returns>The number; bools read as 0 or 1.</returns>
    /// <exception cref="FieldPathException">
    /// A field is missing (the message lists the fields at that level), an index is out of range
    /// (it gives the array length), or the value is not a number or bool.
    /// </exception>
    public double Resolve(JsonObject data) =>
        TryResolve(data, out double value) ? value : throw Absent(data);

    /// <summary>
    /// Reads the value the path points to in one message, or says the message has none: its last field
    /// is left out (a CSV row's empty cell) or null (a JSON writer's NaN). A replay then holds the field's
    /// previous value, as it does between any two samples.
    /// </summary>
    /// <param name="data">The decoded message of <see cref="Topic"/>.</param>
    /// <param name="value">The number; bools read as 0 or 1.</param>
    /// <returns>False when the message has no value for the path's last field.</returns>
    /// <exception cref="FieldPathException">
    /// A field on the way is missing, an index is out of range, or the value is not a number, bool or null.
    /// </exception>
    public bool TryResolve(JsonObject data, out double value)
    {
        ArgumentNullException.ThrowIfNull(data);
        JsonNode? current = data;
        for (int i = 0; i < Segments.Count; i++)
        {
            FieldPathSegment step = Segments[i];
            if (step.Name is not null)
            {
                if (current is not JsonObject obj)
                {
                    throw NotA(i, current, "an object with field '" + step.Name + "'");
                }

                if (!obj.TryGetPropertyValue(step.Name, out current) || (current is null && i == Segments.Count - 1))
                {
                    if (i == Segments.Count - 1)
                    {
                        value = 0;
                        return false;
                    }

                    throw new FieldPathException($"field path '{Text}': no field '{step.Name}' in '{Prefix(i)}'; available: {FieldsOf(obj)}");
                }
            }
            else
            {
                if (current is not JsonArray array)
                {
                    throw NotA(i, current, $"an array to index with [{step.Index}]");
                }

                if (step.Index >= array.Count)
                {
                    throw new FieldPathException($"field path '{Text}': index {step.Index} is out of range; '{Prefix(i)}' has {array.Count} elements");
                }

                current = array[step.Index];
            }
        }

        return JsonScalars.TryGetDouble(current, out value, allowBool: true)
            ? true
            : throw NotA(Segments.Count, current, "a number or bool");
    }

    /// <summary>The error for a message without the path's last field: it names the fields the message has.</summary>
    /// <param name="data">A message for which <see cref="TryResolve"/> returned false.</param>
    public FieldPathException Absent(JsonObject data)
    {
        ArgumentNullException.ThrowIfNull(data);
        JsonNode? current = data;
        for (int i = 0; i < Segments.Count - 1; i++)
        {
            current = Segments[i].Name is { } name ? current?.AsObject()[name] : current?.AsArray()[Segments[i].Index];
        }

        string last = Segments[^1].Name ?? $"[{Segments[^1].Index}]";
        string available = current is JsonObject obj ? FieldsOf(obj) : "(none)";
        string what = current is JsonObject o && o.ContainsKey(last) ? $"field '{last}' is null" : $"no field '{last}'";
        return new FieldPathException($"field path '{Text}': {what} in '{Prefix(Segments.Count - 1)}'; available: {available}");
    }

    /// <inheritdoc />
    public override string ToString() => Text;

    private static int MatchTopic(string text, string topic)
    {
        // Returns where the steps start when the topic prefixes the text, else -1.
        string bare = topic.TrimStart('/');
        string textBare = text.TrimStart('/');
        int skipped = text.Length - textBare.Length;
        if (bare.Length == 0 || !textBare.StartsWith(bare, StringComparison.Ordinal))
        {
            return -1;
        }

        int end = skipped + bare.Length;
        return end < text.Length && text[end] is '.' or '[' ? end : -1;
    }

    private static FieldPathSegment[] ParseSegments(string text, int start)
    {
        var segments = new List<FieldPathSegment>();
        int i = start;
        while (i < text.Length)
        {
            if (text[i] == '.')
            {
                int end = text.IndexOfAny(['.', '[', ']'], i + 1);
                end = end < 0 ? text.Length : end;
                if (end == i + 1)
                {
                    throw Malformed(text, i + 1, "a field name after '.'");
                }

                segments.Add(new FieldPathSegment(text[(i + 1)..end], -1));
                i = end;
            }
            else if (text[i] == '[')
            {
                int close = text.IndexOf(']', i + 1);
                if (close < 0 || !int.TryParse(text.AsSpan(i + 1, close - i - 1), NumberStyles.None, CultureInfo.InvariantCulture, out int index))
                {
                    throw Malformed(text, i, "'[index]' with a non-negative integer index");
                }

                segments.Add(new FieldPathSegment(null, index));
                i = close + 1;
            }
            else
            {
                throw Malformed(text, i, "'.' or '['");
            }
        }

        if (segments.Count == 0)
        {
            throw Malformed(text, start, "'.field' or '[index]' after the topic");
        }

        return [.. segments];
    }

    private static FieldPathException Malformed(string text, int position, string expected) =>
        new($"field path '{text}': at character {position + 1}: expected {expected}");

    private string Prefix(int steps) => Topic + string.Concat(Segments.Take(steps));

    private FieldPathException NotA(int steps, JsonNode? node, string expected)
    {
        string found = node switch
        {
            null => "null",
            JsonObject obj => $"an object (fields: {FieldsOf(obj)})",
            JsonArray array => $"an array of {array.Count} elements",
            _ => $"a {node.GetValueKind().ToString().ToLowerInvariant()} ({Core.Json.FiniteJson.ToJsonString(node)})",
        };
        return new FieldPathException($"field path '{Text}': expected {expected} at '{Prefix(steps)}', but it is {found}");
    }

    private static string FieldsOf(JsonObject obj) =>
        obj.Count == 0 ? "(none)" : string.Join(", ", obj.Select(p => p.Key));
}
