using MultiRate.Core.Modules;

namespace MultiRate.Hosting.FaultInjection;

/// <summary>Wraps a context module: throws, or returns a NaN latent, while the plan says so (by the request's run time).</summary>
internal sealed class FaultyContextModule(IContextModule inner, FaultTimeline timeline) : IContextModule
{
    public int ObservationSize => inner.ObservationSize;

    public int LatentSize => inner.LatentSize;

    public int HistoryLength => inner.HistoryLength;

    public void WarmUp(int iterations) => inner.WarmUp(iterations);

    public ContextResult Update(in ContextRequest request)
    {
        if (timeline.Active(InjectedFault.ContextThrows, request.TimeNs))
        {
            timeline.Count();
            throw new InvalidOperationException("injected: context module fault");
        }

        ContextResult result = inner.Update(in request);
        if (timeline.Active(InjectedFault.ContextNaN, request.TimeNs) && result.Latent is { Length: > 0 } latent)
        {
            timeline.Count();
            latent[0] = float.NaN;
        }

        return result;
    }

    public void Dispose() => inner.Dispose();
}
