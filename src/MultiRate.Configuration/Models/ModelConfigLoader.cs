using MultiRate.Configuration.Yaml;
using MultiRate.Core.Errors;
using MultiRate.Core.Models;

namespace MultiRate.Configuration.Models;

/// <summary>
/// Loads model configs (<c>configs/*.yaml</c>) and reports every problem at once, each with file,
/// line, column, key path and what would be valid.
/// </summary>
/// <remarks>
/// Relative <c>weights</c> and <c>source</c> paths are resolved against the config file's directory
/// (made absolute); <c>source: synthetic</c> or no source selects the built-in signal. The files
/// are not opened here: whoever opens them reports a missing file. Thread-safe.
/// </remarks>
public static class ModelConfigLoader
{
    /// <summary>Reads and validates a config file.</summary>
    /// <param name="path">Path to the YAML file.</param>
    /// <returns>The validated config.</returns>
    /// <exception cref="UserInputException">The file is missing or unreadable.</exception>
    /// <exception cref="ValidationException">The file has errors; all of them are listed.</exception>
    public static ModelConfig Load(string path) => Parse(InputFile.ReadText(path, "model config"), path);

    /// <summary>Parses and validates config text.</summary>
    /// <param name="yamlText">The YAML text.</param>
    /// <param name="path">
    /// The file it came from: named in errors, stored in <see cref="ModelConfig.SourcePath"/>, and the
    /// base for relative paths. Null for in-memory text (relative paths are then kept as written).
    /// </param>
    /// <returns>The validated config.</returns>
    /// <exception cref="ValidationException">The text has errors; all of them are listed.</exception>
    public static ModelConfig Parse(string yamlText, string? path)
    {
        ArgumentNullException.ThrowIfNull(yamlText);
        var map = new SourceMap(path);
        ModelConfig? config = null;
        if (YamlSource.Parse(yamlText, map) is { } root)
        {
            string? baseDirectory = path is null ? null : Path.GetDirectoryName(Path.GetFullPath(path));
            config = ModelConfigReader.Read(root, map, baseDirectory);
            ModelConfigValidator.Check(config, map);
        }

        var errors = map.SortedErrors();
        if (errors.Count > 0)
        {
            throw new ValidationException(errors);
        }

        return config!;
    }
}
