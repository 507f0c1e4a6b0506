namespace MultiRate.Logs.Tests.ULog;

/// <summary>Finds test data by walking up from the test binaries to the folder holding MultiRate.sln.</summary>
internal static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string TestData(params string[] parts) => Path.Combine([Root, "tests", "data", .. parts]);

    private static string FindRoot()
    {
        for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "MultiRate.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("MultiRate.sln not found above " + AppContext.BaseDirectory);
    }
}
