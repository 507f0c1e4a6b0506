using MultiRate.Configuration.Yaml;
using MultiRate.Core.Errors;
using MultiRate.Core.Rates;

namespace MultiRate.Configuration.Rates;

/// <summary>
/// Loads rate profiles (<c>rates/*.yaml</c>) and reports every problem at once, each with file,
/// line, column, key path and what would be valid.
/// </summary>
/// <remarks>Thread-safe: no shared state.</remarks>
public static class RateProfileLoader
{
    /// <summary>Reads and validates a profile file.</summary>
    /// <param name="path">Path to the YAML file.</param>
    /// <returns>The validated profile, clocks ordered slowest first.</returns>
    /// <exception cref="UserInputException">The file is missing or unreadable.</exception>
    /// <exception cref="ValidationException">The file has errors; all of them are listed.</exception>
    public static RateProfile Load(string path) => Parse(InputFile.ReadText(path, "rate profile"), path);

    /// <summary>Parses and validates profile text.</summary>
    /// <param name="yamlText">The YAML text.</param>
    /// <param name="path">The file it came from, for messages and <see cref="RateProfile.SourcePath"/>; null for in-memory text.</param>
    /// <returns>The validated profile, clocks ordered slowest first.</returns>
    /// <exception cref="ValidationException">The text has errors; all of them are listed.</exception>
    public static RateProfile Parse(string yamlText, string? path)
    {
        var (profile, map) = ParseCore(yamlText, path);
        ThrowIfAny(map.SortedErrors());
        return profile!;
    }

    /// <summary>
    /// Reads a profile file meant to replace <paramref name="current"/> in a running system: it must be
    /// valid and change only what can change live (see <see cref="ProfileValidator.ValidateEdit"/>).
    /// </summary>
    /// <param name="path">Path to the edited YAML file.</param>
    /// <param name="current">The profile in use.</param>
    /// <returns>The validated new profile.</returns>
    /// <exception cref="UserInputException">The file is missing or unreadable.</exception>
    /// <exception cref="ValidationException">The file has errors or needs a restart; all problems are listed.</exception>
    public static RateProfile LoadEdit(string path, RateProfile current) =>
        ParseEdit(InputFile.ReadText(path, "rate profile"), path, current);

    /// <summary>Like <see cref="LoadEdit"/>, from text.</summary>
    /// <param name="yamlText">The edited YAML text.</param>
    /// <param name="path">The file it came from, or null.</param>
    /// <param name="current">The profile in use.</param>
    /// <returns>The validated new profile.</returns>
    /// <exception cref="ValidationException">The text has errors or needs a restart; all problems are listed.</exception>
    public static RateProfile ParseEdit(string yamlText, string? path, RateProfile current)
    {
        ArgumentNullException.ThrowIfNull(current);
        var (profile, map) = ParseCore(yamlText, path);
        if (profile is not null && map.Errors.Count == 0)
        {
            EditRules.Check(current, profile, map);
        }

        ThrowIfAny(map.SortedErrors());
        return profile!;
    }

    private static (RateProfile? Profile, SourceMap Map) ParseCore(string yamlText, string? path)
    {
        ArgumentNullException.ThrowIfNull(yamlText);
        var map = new SourceMap(path);
        if (YamlSource.Parse(yamlText, map) is not { } root)
        {
            return (null, map);
        }

        RateProfile profile = RateProfileReader.Read(root, map);
        ProfileValidator.Check(profile, map);
        return (profile, map);
    }

    private static void ThrowIfAny(IReadOnlyList<ValidationError> errors)
    {
        if (errors.Count > 0)
        {
            throw new ValidationException(errors);
        }
    }
}
