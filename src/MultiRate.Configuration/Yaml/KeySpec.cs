namespace MultiRate.Configuration.Yaml;

/// <summary>One key a YAML mapping may hold.</summary>
/// <param name="Name">The snake_case key.</param>
/// <param name="Required">Whether the key must be present with a non-null value.</param>
/// <param name="Description">What the value is, used in error messages ("what would be valid").</param>
public sealed record KeySpec(string Name, bool Required, string Description);
