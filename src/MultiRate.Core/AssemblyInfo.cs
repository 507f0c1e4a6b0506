using System.Runtime.CompilerServices;

[assembly: InternalsVisibleTo("MultiRate.Core.Tests")]
