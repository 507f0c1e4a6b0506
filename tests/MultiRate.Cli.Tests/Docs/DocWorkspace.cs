namespace MultiRate.Cli.Tests.Docs;

/// <summary>
/// The fresh directory a runnable block runs in: copies of the repository's <c>rates/</c> and
/// <c>configs/</c> (a command may write beside them, as <c>tune --write</c> does), links to
/// <c>tests/data/</c> and <c>docs/</c> (read, never written), and <c>.bin/multirate</c>, a script that
/// runs the CLI assembly built with this test (<c>dotnet multirate.dll</c>), first on the PATH.
/// </summary>
internal sealed class DocWorkspace : IDisposable
{
    private DocWorkspace(string root, string bin)
    {
        Root = root;
        Bin = bin;
    }

    public string Root { get; }

    /// <summary>The folder holding the <c>multirate</c> script: put it first on the PATH.</summary>
    public string Bin { get; }

    public static DocWorkspace Create(string repoRoot, string cliAssembly)
    {
        string root = Path.Combine(Path.GetTempPath(), "multirate-docs-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(root);
        CopyTree(Path.Combine(repoRoot, "rates"), Path.Combine(root, "rates"));
        CopyTree(Path.Combine(repoRoot, "configs"), Path.Combine(root, "configs"));
        Directory.CreateDirectory(Path.Combine(root, "tests"));
        Directory.CreateSymbolicLink(Path.Combine(root, "tests", "data"), Path.Combine(repoRoot, "tests", "data"));
        Directory.CreateSymbolicLink(Path.Combine(root, "docs"), Path.Combine(repoRoot, "docs"));

        string bin = Path.Combine(root, ".bin");
        Directory.CreateDirectory(bin);
        string script = Path.Combine(bin, "multirate");
        File.WriteAllText(script, $"#!/bin/sh\nexec dotnet '{cliAssembly}' \"$@\"\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
        return new DocWorkspace(root, bin);
    }

    public void Dispose()
    {
        // The links go first, so a recursive delete can never reach the repository's own files.
        Directory.Delete(Path.Combine(Root, "tests", "data"));
        Directory.Delete(Path.Combine(Root, "docs"));
        Directory.Delete(Root, recursive: true);
    }

    private static void CopyTree(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (string file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            string target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
