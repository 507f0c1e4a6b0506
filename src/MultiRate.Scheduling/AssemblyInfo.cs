using System.Runtime.CompilerServices;

[assembly: InternalsVisibleTo("MultiRate.Scheduling.Tests")]
