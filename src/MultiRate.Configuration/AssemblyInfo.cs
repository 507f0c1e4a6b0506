using System.Runtime.CompilerServices;

[assembly: InternalsVisibleTo("MultiRate.Configuration.Tests")]
