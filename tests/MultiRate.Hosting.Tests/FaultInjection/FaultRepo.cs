namespace MultiRate.Hosting.Tests.FaultInjection;

/// <summary>Paths of the shipped demo, found by walking up to MultiRate.sln.</summary>
internal static class FaultRepo
{
    public static string Root { get; } = FindRoot();

    public static string Profile => Path.Combine(Root, "rates", "default.yaml");

    public static string Config => Path.Combine(Root, "configs", "default.yaml");

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
