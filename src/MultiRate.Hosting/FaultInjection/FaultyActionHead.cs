using MultiRate.Core.Modules;

namespace MultiRate.Hosting.FaultInjection;

/// <summary>Wraps the action head: throws, or writes NaN or +Inf, while the plan says so.</summary>
internal sealed class FaultyActionHead(IActionHead inner, FaultTimeline timeline) : IActionHead
{
    public int ObservationSize => inner.ObservationSize;

    public int LatentSize => inner.LatentSize;

    public int ActionSize => inner.ActionSize;

    public void WarmUp(int iterations) => inner.WarmUp(iterations);

    public ModuleOutcome Act(ReadOnlySpan<float> observation, ReadOnlySpan<float> latent, float latentAgeSeconds, Span<float> action)
    {
        if (timeline.ActiveNow(InjectedFault.HeadThrows))
        {
            timeline.Count();
            throw new InvalidOperationException("injected: action head fault");
        }

        ModuleOutcome outcome = inner.Act(observation, latent, latentAgeSeconds, action);
        if (timeline.ActiveNow(InjectedFault.HeadNaN))
        {
            timeline.Count();
            action[0] = float.NaN;
        }
        else if (timeline.ActiveNow(InjectedFault.HeadInf))
        {
            timeline.Count();
            action[0] = float.PositiveInfinity;
        }

        return outcome;
    }

    public void Dispose() => inner.Dispose();
}
