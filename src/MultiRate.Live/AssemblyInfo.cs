using System.Runtime.CompilerServices;

[assembly: InternalsVisibleTo("MultiRate.Live.Tests")]
