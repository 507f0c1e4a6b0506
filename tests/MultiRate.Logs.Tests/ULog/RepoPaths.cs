namespace MultiRate.Logs.Tests.ULog;

/// <summary>Finds test data under the repository root (found once, in tests/Shared/RepoRoot.cs).</summary>
internal static class RepoPaths
{
    public static string Root => MultiRate.Tests.Shared.RepoRoot.Path;

    public static string TestData(params string[] parts) => Path.Combine([Root, "tests", "data", .. parts]);
}
