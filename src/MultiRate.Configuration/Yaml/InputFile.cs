using MultiRate.Core.IO;

namespace MultiRate.Configuration.Yaml;

/// <summary>Reads an input file's text, turning file-system failures into <see cref="Core.Errors.UserInputException"/>.</summary>
public static class InputFile
{
    /// <summary>
    /// Reads the whole file as UTF-8 text. The path must name a regular file of at most
    /// <see cref="InputFiles.ConfigCapBytes"/>: a FIFO, device or directory is refused before it is opened.
    /// </summary>
    /// <param name="path">The file the user named.</param>
    /// <param name="what">What the file is ("rate profile", "model config"), for the message.</param>
    public static string ReadText(string path, string what)
    {
        ArgumentNullException.ThrowIfNull(path);
        return InputFiles.ReadText(path, what, InputFiles.ConfigCapBytes);
    }
}
