namespace MultiRate.Hosting.Tests.FaultInjection;

/// <summary>Paths of the shipped demo, found by walking up to MultiRate.sln.</summary>
internal static class FaultRepo
{
    public static string Root { get; } = RepoRoot.Path;

    public static string Profile => Path.Combine(Root, "rates", "default.yaml");

    public static string Config => Path.Combine(Root, "configs", "default.yaml");
}
