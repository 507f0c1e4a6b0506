namespace MultiRate.Core.Errors;

/// <summary>One validation problem: where it is and what would be valid.</summary>
/// <param name="File">File path, or null for in-memory input.</param>
/// <param name="Line">1-based line, or 0 when unknown.</param>
/// <param name="Column">1-based column, or 0 when unknown.</param>
/// <param name="KeyPath">Dotted key path such as <c>clocks.head.budget_us</c>.</param>
/// <param name="Message">What is wrong and what would be valid.</param>
public sealed record ValidationError(string? File, int Line, int Column, string KeyPath, string Message)
{
    /// <summary>Formats as <c>file:line:col: key: message</c>.</summary>
    public override string ToString()
    {
        string where = File ?? "<input>";
        if (Line > 0)
        {
            where += Column > 0 ? $":{Line}:{Column}" : $":{Line}";
        }

        return string.IsNullOrEmpty(KeyPath) ? $"{where}: {Message}" : $"{where}: {KeyPath}: {Message}";
    }
}
