using System.Runtime.CompilerServices;

[assembly: InternalsVisibleTo("MultiRate.Logs.Tests")]
