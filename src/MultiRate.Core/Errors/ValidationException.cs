namespace MultiRate.Core.Errors;

/// <summary>Every validation problem found in one input, reported together.</summary>
public sealed class ValidationException : UserInputException
{
    /// <summary>Creates the exception from a non-empty list of errors.</summary>
    public ValidationException(IReadOnlyList<ValidationError> errors)
        : base(Format(errors))
    {
        Errors = errors;
    }

    /// <summary>Creates the exception.</summary>
    public ValidationException()
        : this(Array.Empty<ValidationError>())
    {
    }

    /// <summary>Creates the exception from a message.</summary>
    public ValidationException(string message)
        : base(message)
    {
        Errors = [new ValidationError(null, 0, 0, string.Empty, message)];
    }

    /// <summary>Creates the exception from a message and a cause.</summary>
    public ValidationException(string message, Exception innerException)
        : base(message, innerException)
    {
        Errors = [new ValidationError(null, 0, 0, string.Empty, message)];
    }

    /// <summary>The problems, in file order.</summary>
    public IReadOnlyList<ValidationError> Errors { get; }

    private static string Format(IReadOnlyList<ValidationError> errors)
    {
        if (errors.Count == 0)
        {
            return "validation failed";
        }

        string noun = errors.Count == 1 ? "error" : "errors";
        return $"{errors.Count} {noun}:{Environment.NewLine}" +
            string.Join(Environment.NewLine, errors.Select(e => "  " + e));
    }
}
