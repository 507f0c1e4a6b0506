using System.Runtime.CompilerServices;

[assembly: InternalsVisibleTo("MultiRate.Inference.Tests")]
[assembly: InternalsVisibleTo("MultiRate.Training")]
[assembly: InternalsVisibleTo("MultiRate.Cli.Tests")]
[assembly: InternalsVisibleTo("MultiRate.Hosting")]
[assembly: InternalsVisibleTo("MultiRate.Cli")]
[assembly: InternalsVisibleTo("MultiRate.Benchmarks")]
[assembly: InternalsVisibleTo("MultiRate.Bench")]
[assembly: InternalsVisibleTo("DynamicProxyGenAssembly2")]
