using MultiRate.Core.Errors;

namespace MultiRate.Logs.FieldPaths;

/// <summary>
/// A field path (<c>/topic.field[3]</c>) is malformed or does not match the log: unknown topic,
/// unknown field, index out of range, or a value that is not a number. The message says what is
/// available (the log's topics, the fields at that level, the array length).
/// </summary>
public sealed class FieldPathException : UserInputException
{
    /// <summary>Creates the exception.</summary>
    public FieldPathException()
    {
    }

    /// <summary>Creates the exception with a message naming the path and what was expected.</summary>
    public FieldPathException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    public FieldPathException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
