namespace MultiRate.Bench.Suite;

/// <summary>The files <see cref="BenchSuite"/> measures with (paths the caller has resolved).</summary>
/// <param name="Rates">The profile of the overhead and wake-up benches.</param>
/// <param name="Config">The config of the overhead and wake-up benches.</param>
/// <param name="ReplayRates">The profile of the replay bench.</param>
/// <param name="ReplayConfig">The config of the replay bench.</param>
/// <param name="ReplayLog">The log of the replay bench.</param>
/// <param name="ReplayLogLabel">The replay log as the report names it.</param>
public sealed record BenchSuiteInputs(string Rates, string Config, string ReplayRates, string ReplayConfig, string ReplayLog, string ReplayLogLabel);
