using System.Runtime.CompilerServices;

[assembly: InternalsVisibleTo("MultiRate.Training.Tests")]
[assembly: InternalsVisibleTo("MultiRate.Cli")]
[assembly: InternalsVisibleTo("MultiRate.Cli.Tests")]
