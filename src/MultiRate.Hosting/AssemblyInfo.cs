using System.Runtime.CompilerServices;

[assembly: InternalsVisibleTo("MultiRate.Hosting.Tests")]
[assembly: InternalsVisibleTo("MultiRate.Cli.Tests")]
[assembly: InternalsVisibleTo("MultiRate.Hosting")]
[assembly: InternalsVisibleTo("MultiRate.Cli")]
// The CLI assembly is named "multirate" (its AssemblyName), so "MultiRate.Cli" alone does not match it.
[assembly: InternalsVisibleTo("multirate")]
[assembly: InternalsVisibleTo("MultiRate.Benchmarks")]
[assembly: InternalsVisibleTo("DynamicProxyGenAssembly2")]
