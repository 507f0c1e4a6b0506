using MultiRate.Core.Modules;

namespace MultiRate.Training.Tests.Fakes;

/// <summary>Latent = [slow tick + 1]; records every trigger's window as the executor handed it over.</summary>
internal sealed class EchoContext(int historyLength) : IContextModule
{
    public int ObservationSize => 1;

    public int LatentSize => 1;

    public int HistoryLength => historyLength;

    public List<(long Tick, long TimeNs, float[] Window)> Calls { get; } = [];

    public void WarmUp(int iterations)
    {
    }

    public ContextResult Update(in ContextRequest request)
    {
        Calls.Add((request.TickIndex, request.TimeNs, request.History[..request.HistoryRows].ToArray()));
        return new ContextResult(ModuleOutcome.Ok, [request.TickIndex + 1], 1);
    }

    public void Dispose()
    {
    }
}
