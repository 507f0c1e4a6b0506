namespace MultiRate.Cli.Infrastructure;

/// <summary>
/// Resolves the shipped defaults (<c>rates/default.yaml</c>, <c>configs/default.yaml</c>): from the
/// current directory when they are there, else from the repository the program was built in, so
/// <c>dotnet run --project src/MultiRate.Cli -- run</c> works from any folder of the clone.
/// </summary>
internal static class DefaultPaths
{
    /// <summary>The given rate profile, or the shipped demo's, resolved.</summary>
    public static string Rates(string? given) => Resolve(given ?? "rates/default.yaml");

    /// <summary>The given model config, or the shipped demo's, resolved.</summary>
    public static string Config(string? given) => Resolve(given ?? "configs/default.yaml");

    public static string Resolve(string relative)
    {
        if (File.Exists(relative) || Path.IsPathRooted(relative))
        {
            return relative;
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "MultiRate.sln")))
            {
                string candidate = Path.Combine(dir.FullName, relative);
                return File.Exists(candidate) ? candidate : relative;
            }
        }

        return relative;
    }
}
