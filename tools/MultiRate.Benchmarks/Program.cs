using BenchmarkDotNet.Running;

namespace MultiRate.Benchmarks;

/// <summary>
/// BenchmarkDotNet micro-benchmarks of the fast path's pieces (run with MemoryDiagnoser):
/// <c>dotnet run -c Release --project tools/MultiRate.Benchmarks -- --filter '*'</c>.
/// </summary>
public static class Program
{
    public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
}
