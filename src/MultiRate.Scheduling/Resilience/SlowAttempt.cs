using MultiRate.Core.Modules;

namespace MultiRate.Scheduling.Resilience;

/// <summary>The result of one slow update through the pipeline.</summary>
/// <param name="Result">The module's result; after a fallback, a result without a latent (the last one stays).</param>
/// <param name="Outcome">How it ended.</param>
internal readonly record struct SlowAttempt(ContextResult Result, SlowOutcome Outcome);
