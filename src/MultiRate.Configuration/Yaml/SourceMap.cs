using MultiRate.Core.Errors;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace MultiRate.Configuration.Yaml;

/// <summary>
/// Collects validation errors for one input and remembers where each key path sits in the file,
/// so that checks made after parsing (on the built records) still report line and column.
/// </summary>
/// <remarks>
/// Paths look like <c>clocks.head.budget_us</c> or <c>action.safe[2]</c>. A path marked invalid
/// (wrong type, missing) is skipped by later semantic checks, so one mistake yields one error,
/// not a cascade. Not thread-safe: one instance per load.
/// </remarks>
public sealed class SourceMap
{
    private readonly Dictionary<string, (int Line, int Column)> positions = new(StringComparer.Ordinal);
    private readonly HashSet<string> invalid = new(StringComparer.Ordinal);
    private readonly List<ValidationError> errors = [];

    /// <summary>Creates a map for the given file (null for in-memory text).</summary>
    public SourceMap(string? file)
    {
        File = file;
    }

    /// <summary>The file named in errors.</summary>
    public string? File { get; }

    /// <summary>Errors reported so far, in report order.</summary>
    public IReadOnlyList<ValidationError> Errors => errors;

    /// <summary>
    /// Runs the semantic <paramref name="check"/> of an object built in code (no positions) on a fresh
    /// map for <paramref name="file"/> and returns every problem in order: the validators' public entry.
    /// </summary>
    public static IReadOnlyList<ValidationError> Validate<T>(T subject, string? file, Action<T, SourceMap> check)
    {
        var map = new SourceMap(file);
        check(subject, map);
        return map.SortedErrors();
    }

    /// <summary>Errors in file order (unlocated errors last), the order users read them in.</summary>
    public IReadOnlyList<ValidationError> SortedErrors() =>
        [.. errors.OrderBy(e => e.Line == 0 ? int.MaxValue : e.Line).ThenBy(e => e.Column)];

    /// <summary>Remembers where the value of <paramref name="path"/> starts.</summary>
    public void Record(string path, YamlNode node) => positions[path] = ToPosition(node.Start);

    /// <summary>Marks a path whose value could not be read; semantic checks skip it.</summary>
    public void Invalidate(string path) => invalid.Add(path);

    /// <summary>Whether the path and all its ancestors were read successfully.</summary>
    public bool IsValid(string path)
    {
        for (string? p = path; p is not null; p = Parent(p))
        {
            if (invalid.Contains(p))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Reports an error at the recorded position of the path (or its nearest recorded ancestor).</summary>
    public void Report(string path, string message)
    {
        (int line, int column) = Locate(path);
        errors.Add(new ValidationError(File, line, column, path, message));
    }

    /// <summary>Reports an error at an explicit position.</summary>
    public void ReportAt(string path, Mark mark, string message)
    {
        (int line, int column) = ToPosition(mark);
        errors.Add(new ValidationError(File, line, column, path, message));
    }

    /// <summary>Reports an error at a node and marks the path invalid.</summary>
    public void Fail(string path, YamlNode node, string message)
    {
        ReportAt(path, node.Start, message);
        Invalidate(path);
    }

    /// <summary>Joins a key onto a path.</summary>
    public static string Join(string path, string key) => path.Length == 0 ? key : path + "." + key;

    /// <summary>The parent of a path (<c>a.b[1]</c> to <c>a.b</c>, <c>a.b</c> to <c>a</c>), or null at the root.</summary>
    public static string? Parent(string path)
    {
        if (path.Length == 0)
        {
            return null;
        }

        int cut = Math.Max(path.LastIndexOf('.'), path.LastIndexOf('['));
        return cut < 0 ? string.Empty : path[..cut];
    }

    private (int Line, int Column) Locate(string path)
    {
        for (string? p = path; p is not null; p = Parent(p))
        {
            if (positions.TryGetValue(p, out var position))
            {
                return position;
            }
        }

        return (0, 0);
    }

    private static (int Line, int Column) ToPosition(Mark mark) =>
        ((int)Math.Clamp(mark.Line, 0, int.MaxValue), (int)Math.Clamp(mark.Column, 0, int.MaxValue));
}
