using MultiRate.Core.Modules;

namespace MultiRate.Hosting.Tests.Reload.Fakes;

/// <summary>A deterministic head: action[0] = sum(observation) + latent[0], action[1] = latent[1]. Allocation-free.</summary>
internal sealed class FakeHead : IActionHead
{
    public int ObservationSize { get; init; } = 2;

    public int LatentSize => 2;

    public int ActionSize => 2;

    public long Calls { get; private set; }

    public Func<ModuleOutcome>? Outcome { get; set; }

    public void WarmUp(int iterations)
    {
    }

    public ModuleOutcome Act(ReadOnlySpan<float> observation, ReadOnlySpan<float> latent, float latentAgeSeconds, Span<float> action)
    {
        Calls++;
        float sum = 0;
        foreach (float v in observation)
        {
            sum += v;
        }

        action[0] = sum + latent[0];
        action[1] = latent[1];
        return Outcome?.Invoke() ?? ModuleOutcome.Ok;
    }

    public void Dispose()
    {
    }
}
