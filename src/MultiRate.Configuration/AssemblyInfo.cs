using System.Runtime.CompilerServices;

[assembly: InternalsVisibleTo("MultiRate.Configuration.Tests")]
[assembly: InternalsVisibleTo("MultiRate.Cli.Tests")]
[assembly: InternalsVisibleTo("MultiRate.Hosting")]
[assembly: InternalsVisibleTo("MultiRate.Cli")]
[assembly: InternalsVisibleTo("multirate")]
[assembly: InternalsVisibleTo("MultiRate.Benchmarks")]
[assembly: InternalsVisibleTo("DynamicProxyGenAssembly2")]
