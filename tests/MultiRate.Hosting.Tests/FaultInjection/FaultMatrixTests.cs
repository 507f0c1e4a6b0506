using MultiRate.Hosting.FaultInjection;
using MultiRate.Scheduling.Ledger;
using Serilog;
using Serilog.Events;

namespace MultiRate.Hosting.Tests.FaultInjection;

/// <summary>The fault matrix on the shipped demo (TorchSharp head and context, the IMU log), in virtual time.</summary>
public class FaultMatrixTests
{
    private const int Seed = 1;
    private static readonly FaultRunner Runner = new(FaultRepo.Profile, FaultRepo.Config, TimeSpan.FromSeconds(5));

    public static TheoryData<InjectedFault> AllFaults() => [.. Enum.GetValues<InjectedFault>()];

    [Theory]
    [MemberData(nameof(AllFaults))]
    public void Run_EachFault_OneActionPerTickCountedLoggedOnceRecovered(InjectedFault fault)
    {
        var sink = new CollectingSink();
        using var log = new LoggerConfiguration().MinimumLevel.Verbose().WriteTo.Sink(sink).CreateLogger();

        FaultRunResult r = Runner.Run(FaultPlan.Create(fault, Seed, Runner.FastTicks), log);

        Assert.Equal(0, r.Crashes);
        Assert.True(r.Injected > 0, "the fault was injected");
        Assert.Equal(5000, r.FastTicks);
        Assert.Equal(r.FastTicks, r.Actions);
        Assert.Equal(0, r.TicksWithoutExactlyOneAction);
        Assert.True(r.CounterValue > 0, $"{r.Counter} counted the fault");
        Assert.Equal(r.CounterValue, r.FaultsReported); // counted in the ledger and reported to the observers in one call
        Assert.True(r.Recovered, "model actions resumed after the fault cleared");

        // Logged once per burst: a Warning per burst, never one per fault.
        var warnings = sink.Events.Where(e => e.Level == LogEventLevel.Warning).ToList();
        Assert.Equal(r.BurstsLogged, warnings.Count);
        Assert.InRange(warnings.Count, 1, 2);
        Assert.Equal(warnings.Count, sink.Events.Count(e => e.Level == LogEventLevel.Information && e.MessageTemplate.Text.StartsWith("Fault burst cleared", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData(InjectedFault.HeadThrows, "hold")]
    [InlineData(InjectedFault.HeadNaN, "hold")]
    [InlineData(InjectedFault.HeadOverrun, "hold")]
    [InlineData(InjectedFault.ContextHangs, "degraded")]
    [InlineData(InjectedFault.SinkThrows, "model")]
    [InlineData(InjectedFault.SensorDropout, "model")]
    public void Run_Fault_OutputKindIsTheProfilesPolicy(InjectedFault fault, string kind)
    {
        // Default profile: head overrun policy hold, stale-latent policy degraded.
        FaultRunResult r = Runner.Run(FaultPlan.Create(fault, Seed, Runner.FastTicks));

        Assert.Contains(kind, r.KindsDuringFault.Keys);
        Assert.Equal(r.KindsDuringFault.Values.Sum(), r.Plan.DurationTicks);
    }

    [Fact]
    public void RunMatrix_SameSeed_SameActions()
    {
        string Hash(InjectedFault f) => Runner.Run(FaultPlan.Create(f, Seed, Runner.FastTicks)).Summary!.ActionsSha256;

        Assert.Equal(Hash(InjectedFault.ContextHangs), Hash(InjectedFault.ContextHangs));
        Assert.Equal(Hash(InjectedFault.SensorOutOfOrder), Hash(InjectedFault.SensorOutOfOrder));
    }

    [Fact]
    public void Create_Seeded_StartsDifferPerSeedAndRepeat()
    {
        Assert.Equal(FaultPlan.Create(InjectedFault.HeadThrows, 3, 5000), FaultPlan.Create(InjectedFault.HeadThrows, 3, 5000));
        Assert.Contains(Enumerable.Range(0, 10), s => FaultPlan.Create(InjectedFault.HeadThrows, s, 5000).StartTick != FaultPlan.Create(InjectedFault.HeadThrows, 0, 5000).StartTick);
        Assert.All(FaultPlan.Matrix(7, 5000), p => Assert.InRange(p.StartTick, 1000, 1499));
    }

    [Fact]
    public void Run_SinkThrows_RecordedActionsNotLost()
    {
        // The sink fails for 1000 ticks: observers (the recorder's path) still see every action.
        FaultRunResult r = Runner.Run(FaultPlan.Create(InjectedFault.SinkThrows, Seed, Runner.FastTicks));

        Assert.Equal(1000, r.CounterValue);
        Assert.Equal(5000, r.Actions);
        Assert.Equal(5000 + Ramp(r), r.Summary!.Actions); // the summary counts the ramp to safe after the last tick too
        // A throwing sink changes nothing upstream: no hold or safe action but the end's ramp to safe (the first 100 ms are degraded: no latent yet).
        Assert.Equal(Ramp(r), r.Summary.ActionsByKind["hold"] + r.Summary.ActionsByKind["safe"]);
    }

    /// <summary>Actions of the ramp to the safe action after the last tick (stop fallbacks).</summary>
    private static long Ramp(FaultRunResult r) => r.Summary!.Ledger!.Total(LedgerEntry.FallbackStop);
}
