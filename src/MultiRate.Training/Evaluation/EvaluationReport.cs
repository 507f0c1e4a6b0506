using MultiRate.Scheduling.Stats;
using MultiRate.Training.Fitting;

namespace MultiRate.Training.Evaluation;

/// <summary>Prediction error of a trained policy run by the real runtime in virtual time, on the validation time range.</summary>
/// <param name="Mode">How the weights were trained (multirate, naive, no-context).</param>
/// <param name="Targets">Target field paths, in action order.</param>
/// <param name="Validation">MSE and R^2 per dimension over the action ticks in the validation range.</param>
/// <param name="ValidationStartRunNs">First scored run time, ns from tick 0.</param>
/// <param name="ValidationEndRunNs">End of the scored range (exclusive), ns from tick 0.</param>
/// <param name="ModelActions">Scored ticks whose action came from the head (model or degraded), the rest being hold/safe.</param>
/// <param name="Summary">The replay's run summary.</param>
/// <param name="Warnings">E.g. the config or profile changed since training.</param>
public sealed record EvaluationReport(
    string Mode,
    IReadOnlyList<string> Targets,
    RegressionMetrics Validation,
    long ValidationStartRunNs,
    long ValidationEndRunNs,
    int ModelActions,
    RunSummary Summary,
    IReadOnlyList<string> Warnings);
