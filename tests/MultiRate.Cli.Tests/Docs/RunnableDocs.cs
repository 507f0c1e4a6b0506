namespace MultiRate.Cli.Tests.Docs;

/// <summary>The documents whose <c>console</c> blocks must run as written: the README and every guide.</summary>
internal static class RunnableDocs
{
    public static IEnumerable<string> Paths(string repoRoot)
    {
        yield return "README.md";
        string guides = Path.Combine(repoRoot, "docs", "guides");
        foreach (string file in Directory.EnumerateFiles(guides, "*.md", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            yield return Path.GetRelativePath(repoRoot, file).Replace('\\', '/');
        }
    }

    public static IEnumerable<DocBlock> Blocks(string repoRoot) =>
        Paths(repoRoot).SelectMany(doc => DocBlockParser.Parse(doc, File.ReadAllText(Path.Combine(repoRoot, doc))));

    /// <summary>The CLI assembly built with these tests; the docs' <c>multirate</c> runs it.</summary>
    public static string CliAssembly => typeof(Program).Assembly.Location;
}
