namespace MultiRate.Logs.Tests.Mcap;

/// <summary>Finds test data by walking up from the test binaries to the folder holding MultiRate.sln.</summary>
internal static class McapTestPaths
{
    private static readonly Lazy<string> Root = new(FindRoot);

    public static string RepoRoot => Root.Value;

    public static string ConformanceDir => Path.Combine(RepoRoot, "tests", "data", "mcap-conformance");

    private static string FindRoot()
    {
        for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "MultiRate.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"MultiRate.sln not found above {AppContext.BaseDirectory}.");
    }
}
