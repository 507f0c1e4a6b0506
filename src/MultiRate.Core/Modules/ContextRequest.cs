using MultiRate.Core.Budgets;

namespace MultiRate.Core.Modules;

/// <summary>Inputs to one slow context update.</summary>
/// <param name="TickIndex">Index of the slow tick that triggered the update.</param>
/// <param name="TimeNs">Time of that tick.</param>
/// <param name="History">Recent observations, oldest first, row-major: <paramref name="HistoryRows"/> rows of the module's observation size.</param>
/// <param name="HistoryRows">Number of rows in <paramref name="History"/>.</param>
/// <param name="Upstream">The latest latent of a slower clock feeding this one, if any.</param>
/// <param name="Budget">Decides, step by step, whether another recursion step fits (anytime recursion).</param>
public readonly record struct ContextRequest(
    long TickIndex,
    long TimeNs,
    ReadOnlyMemory<float> History,
    int HistoryRows,
    Latent.LatentSnapshot? Upstream,
    AnytimeBudget Budget);
