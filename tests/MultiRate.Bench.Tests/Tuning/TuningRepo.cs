namespace MultiRate.Bench.Tests.Tuning;

/// <summary>Finds the repository root and makes temporary copies of shipped profiles.</summary>
internal static class TuningRepo
{
    public static string Root { get; } = RepoRoot.Path;

    /// <summary>Copies rates/<paramref name="name"/> into a fresh temporary folder and returns the copy's path.</summary>
    public static string CopyProfile(string name)
    {
        string dir = Path.Combine(Path.GetTempPath(), "multirate-tuning-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        string path = Path.Combine(dir, name);
        File.Copy(Path.Combine(Root, "rates", name), path);
        return path;
    }
}
