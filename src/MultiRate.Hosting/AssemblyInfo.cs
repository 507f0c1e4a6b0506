using System.Runtime.CompilerServices;

[assembly: InternalsVisibleTo("MultiRate.Hosting.Tests")]
[assembly: InternalsVisibleTo("MultiRate.Cli.Tests")]
[assembly: InternalsVisibleTo("MultiRate.Hosting")]
[assembly: InternalsVisibleTo("MultiRate.Cli")]
[assembly: InternalsVisibleTo("MultiRate.Benchmarks")]
[assembly: InternalsVisibleTo("DynamicProxyGenAssembly2")]
