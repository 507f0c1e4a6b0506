using System.Runtime.CompilerServices;

[assembly: InternalsVisibleTo("MultiRate.Remote.Tests")]
[assembly: InternalsVisibleTo("MultiRate.Bench")]
