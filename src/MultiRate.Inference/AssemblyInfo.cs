using System.Runtime.CompilerServices;

[assembly: InternalsVisibleTo("MultiRate.Inference.Tests")]
