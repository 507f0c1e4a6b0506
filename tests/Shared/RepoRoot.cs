namespace MultiRate.Tests.Shared;

/// <summary>Finds the repository root (the folder holding MultiRate.sln) from the test binaries.</summary>
internal static class RepoRoot
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "MultiRate.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("MultiRate.sln not found above " + AppContext.BaseDirectory);
    }
}
