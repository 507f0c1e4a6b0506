namespace MultiRate.Live.Parameters;

/// <summary>What a <c>setParameters</c> request came to.</summary>
/// <param name="Error">Why it was refused (naming each key), or null when it was applied.</param>
/// <param name="Changed">The parameters whose value changed (empty when refused or when nothing changed).</param>
internal sealed record ParameterEdit(string? Error, IReadOnlyList<string> Changed)
{
    public bool Refused => Error is not null;
}
