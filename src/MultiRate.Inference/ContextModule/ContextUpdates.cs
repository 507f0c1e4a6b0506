using MultiRate.Core.Budgets;
using MultiRate.Core.Modules;

namespace MultiRate.Inference.ContextModule;

/// <summary>What every context module does the same way around its forward pass: the warm-up and the request check.</summary>
internal static class ContextUpdates
{
    /// <summary>Runs <paramref name="iterations"/> two-step updates on an empty history (compiles and sizes everything off the clock).</summary>
    public static void WarmUp(IContextModule module, int iterations)
    {
        float[] history = new float[module.HistoryLength * module.ObservationSize];
        for (int i = 0; i < iterations; i++)
        {
            module.Update(new ContextRequest(i, i, history, module.HistoryLength, null, AnytimeBudget.FixedSteps(2)));
        }
    }

    /// <summary>True when the request claims more history rows than it carries (the update then faults without computing).</summary>
    public static bool IsMalformed(in ContextRequest request, int observationSize) =>
        request.HistoryRows < 0 || request.History.Length < request.HistoryRows * observationSize;
}
