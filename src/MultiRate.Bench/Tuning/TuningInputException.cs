using MultiRate.Core.Errors;

namespace MultiRate.Bench.Tuning;

/// <summary>
/// Bad input to tuning: no samples, a quantile or margin out of range, a saved benchmark that
/// cannot be read, or a clock the profile does not have. The message names the input and what was expected.
/// </summary>
public sealed class TuningInputException : UserInputException
{
    /// <summary>Creates the exception.</summary>
    public TuningInputException()
    {
    }

    /// <summary>Creates the exception with a message naming the input, the key and what was expected.</summary>
    public TuningInputException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    public TuningInputException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
