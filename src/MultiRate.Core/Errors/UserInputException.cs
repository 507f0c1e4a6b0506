namespace MultiRate.Core.Errors;

/// <summary>
/// Base type for errors caused by the user's input (a profile, config, log, weights file or
/// command-line argument). The CLI prints <see cref="Exception.Message"/> without a stack trace
/// and exits with code 2.
/// </summary>
public class UserInputException : Exception
{
    /// <summary>Creates the exception.</summary>
    public UserInputException()
    {
    }

    /// <summary>Creates the exception with a message that names the input and what was expected.</summary>
    public UserInputException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    public UserInputException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
