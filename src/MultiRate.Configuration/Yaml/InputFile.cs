using MultiRate.Core.Errors;

namespace MultiRate.Configuration.Yaml;

/// <summary>Reads an input file's text, turning file-system failures into <see cref="UserInputException"/>.</summary>
internal static class InputFile
{
    /// <summary>Reads the whole file as UTF-8 text.</summary>
    /// <param name="path">The file the user named.</param>
    /// <param name="what">What the file is ("rate profile", "model config"), for the message.</param>
    public static string ReadText(string path, string what)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (string.IsNullOrWhiteSpace(path))
        {
            throw new UserInputException($"no {what} path given; expected a path to a .yaml file");
        }

        if (Directory.Exists(path))
        {
            throw new UserInputException($"{what} '{path}' is a directory; expected a .yaml file");
        }

        if (!File.Exists(path))
        {
            throw new UserInputException($"{what} '{path}' not found (looked at '{Path.GetFullPath(path)}')");
        }

        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new UserInputException($"cannot read {what} '{path}': {ex.Message}", ex);
        }
    }
}
