using MultiRate.Core.Modules;

namespace MultiRate.Hosting.Tests.Reload.Fakes;

/// <summary>A deterministic context module: latent = [mean of history column 0, tick index]; records its calls.</summary>
internal sealed class FakeContext : IContextModule
{
    public int ObservationSize => 1;

    public int LatentSize => 2;

    public int HistoryLength => 4;

    public List<(long Tick, float[] History, long? UpstreamVersion)> Calls { get; } = [];

    public void WarmUp(int iterations)
    {
    }

    public ContextResult Update(in ContextRequest request)
    {
        float[] history = request.History.ToArray();
        Calls.Add((request.TickIndex, history, request.Upstream?.Version));
        int steps = 0;
        while (request.Budget.CanRunAnotherStep() && steps < 3)
        {
            steps++;
            request.Budget.StepDone();
        }

        float mean = history.Length == 0 ? 0 : history.Average();
        return new ContextResult(ModuleOutcome.Ok, [mean, request.TickIndex], steps);
    }

    public void Dispose()
    {
    }
}
