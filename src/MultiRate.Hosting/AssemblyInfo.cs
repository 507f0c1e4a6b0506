using System.Runtime.CompilerServices;

[assembly: InternalsVisibleTo("MultiRate.Hosting.Tests")]
