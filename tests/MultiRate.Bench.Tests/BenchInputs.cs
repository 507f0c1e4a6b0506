namespace MultiRate.Bench.Tests;

/// <summary>The shipped demo's profile and config, by absolute path (the benches take resolved paths).</summary>
internal static class BenchInputs
{
    public static string Rates { get; } = Path.Combine(RepoRoot.Path, "rates", "default.yaml");

    public static string Config { get; } = Path.Combine(RepoRoot.Path, "configs", "default.yaml");
}
