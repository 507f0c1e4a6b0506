using MultiRate.Core.Errors;
using MultiRate.Core.Files;
using MultiRate.Training.Model;

namespace MultiRate.Training.Output;

/// <summary>
/// The files <c>train --out DIR</c> writes, checked and locked before training starts (so a bad
/// path fails in a second, not after the whole training), staged in <c>DIR/.training.partial/</c> and
/// moved into place only when everything is written: a crash leaves the staged files, never a
/// half-overwritten weights file, and no output may be one of the inputs.
/// </summary>
internal sealed class TrainingOutputs : IDisposable
{
    /// <summary>The staging folder's name inside the output directory.</summary>
    public const string StagingFolder = ".training.partial";

    private const string Option = "multirate train: --out";
    private readonly string _directory;
    private readonly string?[] _inputs;
    private readonly List<OutputFile> _reserved;

    private TrainingOutputs(string directory, string?[] inputs, List<OutputFile> reserved)
    {
        _directory = directory;
        _inputs = inputs;
        _reserved = reserved;
        StagingDirectory = Path.Combine(directory, StagingFolder);
    }

    /// <summary>Where the exporter and the metadata writer write until <see cref="Commit"/>.</summary>
    public string StagingDirectory { get; }

    /// <summary>Creates the output directory and reserves its files (refused when one is an input or another writer holds it).</summary>
    /// <exception cref="UserInputException">The directory cannot be created or written, an output is an input, or it is in use.</exception>
    public static TrainingOutputs Reserve(TrainRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        string directory = request.OutputDirectory;
        string?[] inputs = [request.LogPath, request.ConfigPath, request.ProfilePath];
        try
        {
            Directory.CreateDirectory(directory);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new UserInputException($"{Option} '{directory}': cannot create the directory: {ex.Message} (expected a writable directory path)", ex);
        }

        var reserved = new List<OutputFile>();
        try
        {
            foreach (string name in new[] { PolicyExporter.HeadFile, PolicyExporter.ContextFile, MetadataFile.FileName })
            {
                reserved.Add(OutputFile.Reserve(Path.Combine(directory, name), inputs, Option));
            }
        }
        catch
        {
            reserved.ForEach(r => r.Dispose());
            throw;
        }

        var outputs = new TrainingOutputs(directory, inputs, reserved);
        Directory.CreateDirectory(outputs.StagingDirectory);
        return outputs;
    }

    /// <summary>Moves every staged file into the output directory (each by one rename) and removes the staging folder.</summary>
    /// <exception cref="UserInputException">A staged file would replace an input, or a move failed.</exception>
    public void Commit()
    {
        string[] staged = Directory.GetFiles(StagingDirectory, "*", SearchOption.AllDirectories);
        var moves = staged.Select(s => (From: s, To: Path.Combine(_directory, Path.GetRelativePath(StagingDirectory, s)))).ToList();
        foreach ((_, string to) in moves)
        {
            OutputFile.CheckNotAnInput(to, _inputs, Option);
        }

        try
        {
            foreach ((string from, string to) in moves)
            {
                Directory.CreateDirectory(Path.GetDirectoryName(to)!);
                File.Move(from, to, overwrite: true);
            }

            Directory.Delete(StagingDirectory, recursive: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new UserInputException($"{Option} '{_directory}': cannot move the trained files into place: {ex.Message} (they are in {StagingDirectory})", ex);
        }
    }

    /// <summary>Releases the reservations; without <see cref="Commit"/> the staged files stay where they are.</summary>
    public void Dispose() => _reserved.ForEach(r => r.Dispose());
}
