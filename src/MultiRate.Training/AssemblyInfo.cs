using System.Runtime.CompilerServices;

[assembly: InternalsVisibleTo("MultiRate.Training.Tests")]
