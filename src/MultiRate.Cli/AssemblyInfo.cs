using System.Runtime.CompilerServices;

[assembly: InternalsVisibleTo("MultiRate.Cli.Tests")]
