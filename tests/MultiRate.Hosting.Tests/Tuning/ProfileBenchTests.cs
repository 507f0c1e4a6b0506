using MultiRate.Configuration.Models;
using MultiRate.Configuration.Rates;
using MultiRate.Core.Models;
using MultiRate.Core.Modules;
using MultiRate.Core.Rates;
using MultiRate.Runtime.Composition;
using MultiRate.Hosting.Tuning;

namespace MultiRate.Hosting.Tests.Tuning;

public sealed class ProfileBenchTests
{
    [Fact]
    public void Measure_FakeModules_TimesEachClockWithItsRequest()
    {
        RateProfile profile = RateProfileLoader.Load(Path.Combine(TuningRepo.Root, "rates", "default.yaml"));
        ModelConfig config = ModelConfigLoader.Load(Path.Combine(TuningRepo.Root, "configs", "default.yaml"));
        var factory = new FakeFactory();
        var options = new ProfileBenchOptions { WarmUp = 30, Samples = 70 };

        IReadOnlyDictionary<string, double[]> samples = ProfileBench.Measure(profile, config, options, factory);

        Assert.Equal(70, samples["head"].Length);
        Assert.Equal(7, samples["context"].Length); // max(5, 70 / 10)
        Assert.Equal(7, samples["planner"].Length);
        Assert.Equal(100, factory.Head.Calls);
        FakeContext planner = factory.Contexts["planner"];
        FakeContext context = factory.Contexts["context"];
        Assert.Equal(3 + 7, planner.Requests.Count); // warm-up max(2, 30 / 10)
        Assert.All(planner.Requests, r => Assert.Equal((64, false, 6, true), r));
        Assert.All(context.Requests, r => Assert.Equal((16, true, 6, true), r)); // fed by the planner's latent
        Assert.True(factory.Disposed);
    }

    [Fact]
    public void Measure_ModuleFails_ThrowsNamingTheClock()
    {
        RateProfile profile = RateProfileLoader.Load(Path.Combine(TuningRepo.Root, "rates", "default.yaml"));
        ModelConfig config = ModelConfigLoader.Load(Path.Combine(TuningRepo.Root, "configs", "default.yaml"));
        var factory = new FakeFactory { ContextOutcome = ModuleOutcome.Faulted };

        var ex = Assert.Throws<InvalidOperationException>(() => ProfileBench.Measure(profile, config, new ProfileBenchOptions { WarmUp = 0, Samples = 1 }, factory));

        Assert.Contains("clock 'planner'", ex.Message);
        Assert.Contains("Faulted", ex.Message);
    }

    [Fact]
    public void Validate_ZeroSamples_Throws()
    {
        var ex = Assert.Throws<TuningInputException>(() => new ProfileBenchOptions { Samples = 0 }.Validate());

        Assert.Contains("samples 0", ex.Message);
    }

    private sealed class FakeFactory : IModuleFactory
    {
        public FakeHead Head { get; } = new();

        public Dictionary<string, FakeContext> Contexts { get; } = [];

        public ModuleOutcome ContextOutcome { get; init; } = ModuleOutcome.Ok;

        public bool Disposed => Head.Disposed;

        public PolicyModules Create(RateProfile profile, ModelConfig config)
        {
            foreach (ModuleDefinition m in profile.Modules.Where(m => m.Kind == ModuleKind.Context))
            {
                Contexts[m.Name] = new FakeContext(ContextOutcome);
            }

            return new PolicyModules(Head, Contexts.ToDictionary(p => p.Key, p => (IContextModule)p.Value));
        }
    }

    private sealed class FakeHead : IActionHead
    {
        public int Calls { get; private set; }

        public bool Disposed { get; private set; }

        public int ObservationSize => 6;

        public int LatentSize => 32;

        public int ActionSize => 3;

        public ModuleOutcome Act(ReadOnlySpan<float> observation, ReadOnlySpan<float> latent, float latentAgeSeconds, Span<float> action)
        {
            Calls++;
            return ModuleOutcome.Ok;
        }

        public void WarmUp(int iterations)
        {
        }

        public void Dispose() => Disposed = true;
    }

    private sealed class FakeContext(ModuleOutcome outcome) : IContextModule
    {
        public List<(int Rows, bool HasUpstream, int MaxSteps, bool Fixed)> Requests { get; } = [];

        public int ObservationSize => 9;

        public int LatentSize => 32;

        public int HistoryLength => 16;

        public ContextResult Update(in ContextRequest request)
        {
            Requests.Add((request.HistoryRows, request.Upstream is not null, request.Budget.MaxSteps, request.Budget.Fixed));
            return new ContextResult(outcome, new float[LatentSize], request.Budget.MaxSteps);
        }

        public void WarmUp(int iterations)
        {
        }

        public void Dispose()
        {
        }
    }
}
