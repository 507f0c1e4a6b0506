using MultiRate.Core.Errors;

namespace MultiRate.Inference.Weights;

/// <summary>A weights file could not be used: every problem found is listed, with the file path.</summary>
public sealed class WeightsException : UserInputException
{
    /// <summary>Creates the exception for one file and a non-empty list of problems.</summary>
    public WeightsException(string path, IReadOnlyList<string> problems)
        : base(Format(path, problems))
    {
        Path = path;
        Problems = problems;
    }

    /// <summary>Creates the exception.</summary>
    public WeightsException()
        : this("<weights>", Array.Empty<string>())
    {
    }

    /// <summary>Creates the exception from a message.</summary>
    public WeightsException(string message)
        : base(message)
    {
        Path = "<weights>";
        Problems = [message];
    }

    /// <summary>Creates the exception from a message and a cause.</summary>
    public WeightsException(string message, Exception innerException)
        : base(message, innerException)
    {
        Path = "<weights>";
        Problems = [message];
    }

    /// <summary>The weights file.</summary>
    public string Path { get; }

    /// <summary>Each problem, one line each (missing, unexpected, wrong shape, wrong dtype, malformed).</summary>
    public IReadOnlyList<string> Problems { get; }

    private static string Format(string path, IReadOnlyList<string> problems)
    {
        if (problems.Count == 1)
        {
            return $"{path}: {problems[0]}";
        }

        return $"{path}: {problems.Count} problems:{Environment.NewLine}" +
            string.Join(Environment.NewLine, problems.Select(p => "  " + p));
    }
}
