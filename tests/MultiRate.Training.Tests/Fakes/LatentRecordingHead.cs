using MultiRate.Core.Modules;

namespace MultiRate.Training.Tests.Fakes;

/// <summary>Records, per call, the slow tick whose latent it read (-1 for none) and the age it was given.</summary>
internal sealed class LatentRecordingHead : IActionHead
{
    public int ObservationSize => 1;

    public int LatentSize => 1;

    public int ActionSize => 1;

    public List<(int SlowTick, float AgeSeconds)> Reads { get; } = [];

    public void WarmUp(int iterations)
    {
    }

    public ModuleOutcome Act(ReadOnlySpan<float> observation, ReadOnlySpan<float> latent, float latentAgeSeconds, Span<float> action)
    {
        Reads.Add(((int)latent[0] - 1, latentAgeSeconds));
        action[0] = 0;
        return ModuleOutcome.Ok;
    }

    public void Dispose()
    {
    }
}
