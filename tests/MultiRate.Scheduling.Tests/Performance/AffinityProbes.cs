using MultiRate.Core.Modules;
using MultiRate.Scheduling.Diagnostics;

namespace MultiRate.Scheduling.Tests.Performance;

/// <summary>A head that records the CPU set of the thread its first Act runs on.</summary>
internal sealed class AffinityProbeHead : IActionHead
{
    public IReadOnlyList<int>? Cpus { get; private set; }

    public int ObservationSize => 2;

    public int LatentSize => 2;

    public int ActionSize => 2;

    public void WarmUp(int iterations)
    {
    }

    public ModuleOutcome Act(ReadOnlySpan<float> observation, ReadOnlySpan<float> latent, float latentAgeSeconds, Span<float> action)
    {
        Cpus ??= ThreadAffinity.CurrentThreadCpus();
        action.Clear();
        return ModuleOutcome.Ok;
    }

    public void Dispose()
    {
    }
}

/// <summary>A context module that records the CPU set of the thread its first Update runs on.</summary>
internal sealed class AffinityProbeContext : IContextModule
{
    public IReadOnlyList<int>? Cpus { get; private set; }

    public int ObservationSize => 1;

    public int LatentSize => 2;

    public int HistoryLength => 4;

    public void WarmUp(int iterations)
    {
    }

    public ContextResult Update(in ContextRequest request)
    {
        Cpus ??= ThreadAffinity.CurrentThreadCpus();
        return new ContextResult(ModuleOutcome.Ok, [0f, 0f], 1);
    }

    public void Dispose()
    {
    }
}
