namespace MultiRate.Logs.Tests.Mcap;

/// <summary>Paths of the MCAP test data (the repository root comes from <see cref="ULog.RepoPaths"/>).</summary>
internal static class McapTestPaths
{
    public static string RepoRoot => ULog.RepoPaths.Root;

    public static string ConformanceDir => Path.Combine(RepoRoot, "tests", "data", "mcap-conformance");
}
