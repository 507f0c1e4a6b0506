using MultiRate.Core.Modules;

namespace MultiRate.Training.Tests.Fakes;

/// <summary>Latent = [slow tick + 1]; records every trigger's window and the upstream snapshot's source tick (-1: none).</summary>
internal sealed class ChainContext(int historyLength) : IContextModule
{
    public int ObservationSize => 1;

    public int LatentSize => 1;

    public int HistoryLength => historyLength;

    public Dictionary<long, (long TimeNs, float[] Window, long Upstream)> Calls { get; } = [];

    public void WarmUp(int iterations)
    {
    }

    public ContextResult Update(in ContextRequest request)
    {
        Calls.Add(request.TickIndex, (request.TimeNs, request.History[..request.HistoryRows].ToArray(), request.Upstream?.SourceTick ?? -1));
        return new ContextResult(ModuleOutcome.Ok, [request.TickIndex + 1], 1);
    }

    public void Dispose()
    {
    }
}
