using MultiRate.Core.Budgets;
using MultiRate.Core.Errors;
using MultiRate.Core.Latent;
using MultiRate.Core.Models;
using MultiRate.Core.Modules;
using MultiRate.Core.Rates;
using MultiRate.Remote.Server;
using MultiRate.Remote.Tests.Runs;
using MultiRate.Runtime.Composition;
using MultiRate.Scheduling.Executor;

namespace MultiRate.Remote.Tests.Client;

/// <summary>The client against an in-process server over loopback: same latents as in-process, and the start-up checks.</summary>
public sealed class RemoteContextModuleTests
{
    [Fact]
    public async Task Update_SameInputs_EqualsInProcessModuleBitwise()
    {
        await using ContextServer server = await RemoteRuns.Serve();
        RateProfile profile = RemoteRuns.Profile();
        // A deadline no first call (connection, JIT) can miss: this test compares values, not time.
        ModelConfig config = RemoteRuns.RemoteConfig(server.Address, TimeSpan.FromSeconds(30));
        using PolicyModules local = new TorchModuleFactory().Create(profile, config with { Remote = null });
        using PolicyModules remote = new TorchModuleFactory(RemoteServiceCollectionExtensions.CreateFactory(ExecutionMode.RealTime)).Create(profile, config);
        IContextModule inProcess = local.Contexts["context"];
        IContextModule served = remote.Contexts["context"];
        Assert.IsNotType(inProcess.GetType(), served);

        var random = new Random(11);
        for (int update = 0; update < 5; update++)
        {
            int rows = update == 0 ? 3 : 16; // fewer rows than the window: both sides pad the same way
            float[] history = [.. Enumerable.Range(0, rows * inProcess.ObservationSize).Select(_ => (float)((random.NextDouble() * 4) - 2))];
            LatentSnapshot? upstream = update == 1 ? null : new LatentSnapshot(1, 0, 0, 0, 6, [.. Enumerable.Range(0, 32).Select(i => (float)Math.Sin(i + update))]);
            ContextResult expected = inProcess.Update(new ContextRequest(update, 0, history, rows, upstream, AnytimeBudget.FixedSteps(6)));
            ContextResult actual = served.Update(new ContextRequest(update, 0, history, rows, upstream, AnytimeBudget.FixedSteps(6)));

            Assert.Equal(ModuleOutcome.Ok, actual.Outcome);
            Assert.Equal(expected.RecursionSteps, actual.RecursionSteps);
            Assert.Equal(expected.Latent!.Select(BitConverter.SingleToInt32Bits), actual.Latent!.Select(BitConverter.SingleToInt32Bits));
        }
    }

    [Fact]
    public async Task Create_ServerLatentWidthDiffers_FailsNamingBothSides()
    {
        ModelConfig narrow = RemoteRuns.DefaultConfig() with { Context = RemoteRuns.DefaultConfig().Context with { LatentDim = 16 } };
        await using ContextServer server = await RemoteRuns.Serve(config: narrow);

        var ex = Assert.Throws<UserInputException>(() => Create(RemoteRuns.RemoteConfig(server.Address)));

        Assert.Contains("remote-context.yaml", ex.Message, StringComparison.Ordinal);
        Assert.Contains("remote.output", ex.Message, StringComparison.Ordinal);
        Assert.Contains("FP32 [1, 32]", ex.Message, StringComparison.Ordinal);
        Assert.Contains("FP32 [1, 16]", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_ServerObservationWidthDiffers_FailsNamingTheInput()
    {
        ModelConfig fewer = RemoteRuns.DefaultConfig() with { Inputs = RemoteRuns.DefaultConfig().Inputs with { Context = [.. RemoteRuns.DefaultConfig().Inputs.Context.Take(6)] } };
        await using ContextServer server = await RemoteRuns.Serve(config: fewer);

        var ex = Assert.Throws<UserInputException>(() => Create(RemoteRuns.RemoteConfig(server.Address)));

        Assert.Contains("remote.input", ex.Message, StringComparison.Ordinal);
        Assert.Contains("FP32 [16, 9]", ex.Message, StringComparison.Ordinal);
        Assert.Contains("FP32 [-1, 6]", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_UnknownModel_FailsNamingRemoteModel()
    {
        await using ContextServer server = await RemoteRuns.Serve();
        ModelConfig config = RemoteRuns.RemoteConfig(server.Address);
        config = config with { Remote = config.Remote! with { Model = "nonesuch" } };

        var ex = Assert.Throws<UserInputException>(() => Create(config));

        Assert.Contains("remote.model", ex.Message, StringComparison.Ordinal);
        Assert.Contains("'nonesuch'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_NoServerListening_FailsNamingTheUrl()
    {
        Uri url;
        await using (ContextServer gone = await RemoteRuns.Serve())
        {
            url = gone.Address;
        }

        var ex = Assert.Throws<UserInputException>(() => Create(RemoteRuns.RemoteConfig(url)));

        Assert.Contains("remote.url", ex.Message, StringComparison.Ordinal);
        Assert.Contains(url.Authority, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_RemoteConfigWithoutRemoteFactory_IsRefusedClearly()
    {
        ModelConfig config = RemoteRuns.RemoteConfig(new Uri("http://127.0.0.1:9"));

        var ex = Assert.Throws<UserInputException>(() => new TorchModuleFactory().Create(RemoteRuns.Profile(), config));

        Assert.Contains("remote", ex.Message, StringComparison.Ordinal);
        Assert.Contains("in-process", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_RemoteModuleNotInProfile_NamesTheProfilesContextModules()
    {
        ModelConfig config = RemoteRuns.RemoteConfig(new Uri("http://127.0.0.1:9"));
        config = config with { Remote = config.Remote! with { Module = "head" } };

        var ex = Assert.Throws<UserInputException>(() => Create(config));

        Assert.Contains("remote.module", ex.Message, StringComparison.Ordinal);
        Assert.Contains("planner, context", ex.Message, StringComparison.Ordinal);
    }

    private static void Create(ModelConfig config) =>
        new TorchModuleFactory(RemoteServiceCollectionExtensions.CreateFactory(ExecutionMode.RealTime)).Create(RemoteRuns.Profile(), config).Dispose();
}
