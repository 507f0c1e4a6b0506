using MultiRate.Core.Modules;

namespace MultiRate.Scheduling.Tests.Faults;

/// <summary>A context module whose behaviour per tick is scripted: ok, throw, NaN. Records the ticks it ran.</summary>
internal sealed class ScriptedContext(Func<long, string> script) : IContextModule
{
    public int ObservationSize => 1;

    public int LatentSize => 2;

    public int HistoryLength => 4;

    public List<long> Calls { get; } = [];

    public void WarmUp(int iterations)
    {
    }

    public ContextResult Update(in ContextRequest request)
    {
        Calls.Add(request.TickIndex);
        return script(request.TickIndex) switch
        {
            "throw" => throw new InvalidOperationException("injected"),
            "nan" => new ContextResult(ModuleOutcome.Ok, [float.NaN, request.TickIndex], 1),
            _ => new ContextResult(ModuleOutcome.Ok, [1, request.TickIndex], 1),
        };
    }

    public void Dispose()
    {
    }
}
