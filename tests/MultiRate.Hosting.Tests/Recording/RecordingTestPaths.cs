namespace MultiRate.Hosting.Tests.Recording;

/// <summary>Repository root and scratch files for the recording tests.</summary>
internal static class RecordingTestPaths
{
    public static string Root { get; } = FindRoot();

    public static string Repo(string relative) => Path.Combine(Root, relative);

    public static string TempFile(string name)
    {
        string dir = Path.Combine(Path.GetTempPath(), "multirate-recording-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        return Path.Combine(dir, name);
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "MultiRate.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("repository root not found");
    }
}
