using System.Runtime.CompilerServices;

[assembly: InternalsVisibleTo("MultiRate.Recording.Tests")]
