namespace MultiRate.Recording.Tests;

/// <summary>Repository root and scratch files for the recording tests.</summary>
internal static class RecordingTestPaths
{
    public static string Root { get; } = RepoRoot.Path;

    public static string Repo(string relative) => Path.Combine(Root, relative);

    public static string TempFile(string name)
    {
        string dir = Path.Combine(Path.GetTempPath(), "multirate-recording-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        return Path.Combine(dir, name);
    }
}
