using System.Runtime.CompilerServices;

[assembly: InternalsVisibleTo("MultiRate.Runtime.Tests")]

// The CLI's overhead bench builds its executor from RunSession.ExecutorOptionsFor (the CLI assembly is named "multirate").
[assembly: InternalsVisibleTo("multirate")]

// The measurement library's full-graph run builds its executor from RunSession.ExecutorOptionsFor too.
[assembly: InternalsVisibleTo("MultiRate.Bench")]
