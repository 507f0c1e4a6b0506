using Microsoft.Extensions.DependencyInjection;
using MultiRate.Core.Errors;
using MultiRate.Core.Sensors;
using MultiRate.Runtime.Composition;
using MultiRate.Runtime.Running;
using MultiRate.Scheduling.Executor;
using MultiRate.Scheduling.Ledger;

namespace MultiRate.Runtime.Tests.Composition;

public class AddMultiRateTests
{
    private static string Root { get; } = RepoRoot.Path;

    [Theory]
    [InlineData("rates/default.yaml", "configs/default.yaml")]
    [InlineData("rates/imu-100hz.yaml", "configs/imu-csv.yaml")]
    [InlineData("rates/px4-attitude-250hz.yaml", "configs/px4-attitude.yaml")]
    public void AddMultiRate_ShippedPair_GraphBuildsAndReplays(string profile, string config)
    {
        var services = new ServiceCollection().AddMultiRate(o =>
        {
            o.ProfilePath = Path.Combine(Root, profile);
            o.ConfigPath = Path.Combine(Root, config);
            o.Mode = ExecutionMode.Virtual;
            o.Duration = TimeSpan.FromSeconds(1);
        });
        using var provider = services.BuildServiceProvider();
        var summary = provider.GetRequiredService<RunSession>().Run();
        // One action per tick, then the ramp to the safe action that ends every run (its actions are stop fallbacks).
        Assert.Equal(summary.Clocks[^1].Ticks + summary.Ledger!.Total(LedgerEntry.FallbackStop), summary.Actions);
        Assert.True(summary.Actions > 0);
        Assert.All(ClockPeriods.Of(summary.Ledger), c => Assert.True(c.Balanced, c.ToString()));
    }

    [Fact]
    public void AddMultiRate_InvalidConfig_FailsAtStartWithNamedErrors()
    {
        string bad = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N") + ".yaml");
        File.WriteAllText(bad, File.ReadAllText(Path.Combine(Root, "configs/default.yaml")).Replace("seed: 7", "sed: 7", StringComparison.Ordinal));
        var services = new ServiceCollection().AddMultiRate(o =>
        {
            o.ProfilePath = Path.Combine(Root, "rates/default.yaml");
            o.ConfigPath = bad;
        });
        using var provider = services.BuildServiceProvider();
        var ex = Assert.Throws<ValidationException>(() => provider.GetRequiredService<RunSession>());
        Assert.Contains("'sed'", ex.Message);
        Assert.Contains(bad, ex.Message);
    }

    [Fact]
    public void AddMultiRate_UserSourceAndSink_ReceiveEveryTick()
    {
        // The worked example of the extension points: a robot's own sensor and actuator.
        var sink = new CountingSink();
        var services = new ServiceCollection()
            .AddSingleton<ISensorSource>(new ConstantSource(Fields(Path.Combine(Root, "configs/default.yaml"))))
            .AddSingleton<IActuatorSink>(sink)
            .AddMultiRate(o =>
            {
                o.ProfilePath = Path.Combine(Root, "rates/default.yaml");
                o.ConfigPath = Path.Combine(Root, "configs/default.yaml");
                o.Mode = ExecutionMode.Virtual;
                o.Duration = TimeSpan.FromMilliseconds(300);
            });
        using var provider = services.BuildServiceProvider();
        var summary = provider.GetRequiredService<RunSession>().Run();
        long ramp = summary.Ledger!.Total(LedgerEntry.FallbackStop); // the ramp to safe after the last tick
        Assert.Equal(300, summary.Clocks[^1].Ticks);
        Assert.Equal(300 + ramp, sink.Count);
        Assert.Equal(300 + ramp, summary.Actions);
        Assert.All(sink.Ticks.Select((t, i) => (t, i)), p => Assert.Equal(p.i, p.t));
    }

    private static IReadOnlyList<string> Fields(string configPath)
    {
        var config = Configuration.Models.ModelConfigLoader.Load(configPath);
        return Sources.ObservationLayout.From(config.Inputs).Fields;
    }

    private sealed class ConstantSource(IReadOnlyList<string> fields) : ISensorSource
    {
        public IReadOnlyList<string> Fields => fields;

        public long? StartNs => null;

        public long? EndNs => null;

        public bool Read(long timeNs, Span<float> observation)
        {
            observation.Fill(0.25f);
            return true;
        }

        public void Dispose()
        {
        }
    }

    private sealed class CountingSink : IActuatorSink
    {
        public int Count => Ticks.Count;

        public List<long> Ticks { get; } = [];

        public void Write(long timeNs, long tick, ActionKind kind, ReadOnlySpan<float> action) => Ticks.Add(tick);
    }
}
