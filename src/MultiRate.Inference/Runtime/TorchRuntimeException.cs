using MultiRate.Core.Errors;

namespace MultiRate.Inference.Runtime;

/// <summary>
/// TorchSharp's native library could not be loaded or a requested backend is missing. The
/// message says what failed and what to do; the CLI prints it without a stack trace.
/// </summary>
public sealed class TorchRuntimeException : UserInputException
{
    /// <summary>Creates the exception.</summary>
    public TorchRuntimeException()
    {
    }

    /// <summary>Creates the exception with a message that says what failed and what to do.</summary>
    public TorchRuntimeException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the native loader's error.</summary>
    public TorchRuntimeException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
