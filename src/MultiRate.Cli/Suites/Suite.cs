namespace MultiRate.Cli.Suites;

/// <summary>A loaded, validated replay test suite.</summary>
/// <param name="Path">The suite file, as given.</param>
/// <param name="Name">The suite's name (its <c>name</c> key, else the file name without extension): JUnit's testsuite name.</param>
/// <param name="Cases">Every case, in file order.</param>
internal sealed record Suite(string Path, string Name, IReadOnlyList<SuiteCase> Cases);
