using System.Globalization;
using MultiRate.Configuration.Yaml;
using MultiRate.Core.Errors;
using MultiRate.Core.Models;

namespace MultiRate.Configuration.Models;

/// <summary>The semantic rules of a model config: architecture ranges and input field paths.</summary>
/// <remarks>Thread-safe: pure functions of their arguments.</remarks>
public static class ModelConfigValidator
{
    /// <summary>Checks a config; returns every problem (empty when valid).</summary>
    /// <param name="config">The config to check.</param>
    /// <returns>The problems, with key paths (no line numbers: a record has none).</returns>
    public static IReadOnlyList<ValidationError> Validate(ModelConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        return SourceMap.Validate(config, config.SourcePath, Check);
    }

    /// <summary>Runs every rule, reporting into <paramref name="map"/> (which may carry positions).</summary>
    internal static void Check(ModelConfig c, SourceMap map)
    {
        if (map.IsValid("name") && string.IsNullOrWhiteSpace(c.Name))
        {
            map.Report("name", "name must not be empty");
        }

        if (c.Weights is { Length: 0 } && map.IsValid("weights"))
        {
            map.Report("weights", "weights must be a file path, or null for the seeded init");
        }

        if (c.Source is { Length: 0 } && map.IsValid("source"))
        {
            map.Report("source", "source must be a log path or \"synthetic\"");
        }

        FieldPaths("inputs.head", c.Inputs.Head, required: true, map);
        FieldPaths("inputs.context", c.Inputs.Context, required: true, map);
        FieldPaths("inputs.goal", c.Inputs.Goal, required: false, map);
        FieldPaths("targets", c.Targets, required: false, map);
        CheckHead(c.Head, map);
        CheckContext(c.Context, map);
        if (map.Errors.Count == 0)
        {
            // Sizes are only meaningful once every width is in range.
            Resources.ResourceRules.CheckConfig(c, map);
        }
    }

    private static void CheckHead(HeadConfig h, SourceMap map)
    {
        if (map.IsValid("head.hidden"))
        {
            if (h.Hidden.Count is < 1 or > 2)
            {
                map.Report("head.hidden", Inv($"hidden must have 1 or 2 layer widths, got {h.Hidden.Count}"));
            }

            for (int i = 0; i < h.Hidden.Count; i++)
            {
                Range($"head.hidden[{i}]", h.Hidden[i], 1, 65536, "a hidden layer width", map);
            }
        }

        bool expertsOk = Range("head.experts", h.Experts, 0, 256, "the number of experts; 0 or 1 = dense", map);
        if (expertsOk && map.IsValid("head.top_k"))
        {
            Range("head.top_k", h.TopK, 1, Math.Max(1, h.Experts), Inv($"experts run per tick, with experts = {h.Experts}"), map);
        }
    }

    private static void CheckContext(ContextConfig c, SourceMap map)
    {
        bool dModel = Range("context.d_model", c.DModel, 1, 65536, "the token width", map);
        bool heads = Range("context.heads", c.Heads, 1, 65536, "attention heads", map);
        if (dModel && heads && c.DModel % c.Heads != 0)
        {
            map.Report("context.heads", Inv($"heads {c.Heads} must divide d_model {c.DModel} (each head gets d_model / heads channels)"));
        }

        Range("context.feed_forward", c.FeedForward, 1, 262144, "the feed-forward width", map);
        Range("context.recursion", c.Recursion, 1, 64, "the most recursion steps per update", map);
        Range("context.history", c.History, 1, 65536, "observation rows in the history window", map);
        Range("context.latent_dim", c.LatentDim, 1, 65536, "the published latent length", map);
    }

    private static bool Range(string path, int value, int min, int max, string what, SourceMap map)
    {
        if (!map.IsValid(path))
        {
            return false;
        }

        if (value < min || value > max)
        {
            string key = path[(path.LastIndexOf('.') + 1)..];
            map.Report(path, Inv($"{key} must be in {min}..{max} ({what}), got {value}"));
            return false;
        }

        return true;
    }

    private static void FieldPaths(string path, IReadOnlyList<string> fields, bool required, SourceMap map)
    {
        if (!map.IsValid(path))
        {
            return;
        }

        if (required && fields.Count == 0)
        {
            map.Report(path, $"{path} must list at least one field path, e.g. ['/sensor_combined/0.gyro_rad[0]']");
        }

        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < fields.Count; i++)
        {
            string field = fields[i];
            string itemPath = Inv($"{path}[{i}]");
            if (!IsFieldPath(field))
            {
                map.Report(
                    itemPath,
                    $"field path '{field}' must look like '/topic.field' or '/topic[index]' (leading '/' optional), " +
                    "e.g. '/sensor_combined/0.gyro_rad[0]' or '/sensor_data.Gyroscope X (deg/s)'");
            }
            else if (!seen.TryAdd(field, i))
            {
                map.Report(itemPath, Inv($"field path '{field}' is listed twice (also at {path}[{seen[field]}])"));
            }
        }
    }

    /// <summary>
    /// The shape check only (the log reader resolves paths against real topics): an optional '/',
    /// a non-empty topic (which may contain '/', e.g. <c>/sensor_combined/0</c>), then at least one
    /// '.field' or '[index]' step, with no surrounding whitespace.
    /// </summary>
    private static bool IsFieldPath(string field)
    {
        int topicStart = field.StartsWith('/') ? 1 : 0;
        int step = field.IndexOfAny(['.', '[']);
        return step > topicStart && step < field.Length - 1 && field.Trim().Length == field.Length;
    }

    private static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
