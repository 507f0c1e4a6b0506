using System.Runtime.CompilerServices;

[assembly: InternalsVisibleTo("MultiRate.Runtime.Tests")]
