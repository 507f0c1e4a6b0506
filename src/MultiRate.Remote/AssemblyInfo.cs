using System.Runtime.CompilerServices;

[assembly: InternalsVisibleTo("MultiRate.Remote.Tests")]
