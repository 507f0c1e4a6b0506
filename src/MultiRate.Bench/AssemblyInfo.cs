using System.Runtime.CompilerServices;

[assembly: InternalsVisibleTo("MultiRate.Bench.Tests")]
