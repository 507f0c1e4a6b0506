namespace MultiRate.Core.Modules;

/// <summary>Output of one slow context update.</summary>
/// <param name="Outcome">Whether <paramref name="Latent"/> may be used.</param>
/// <param name="Latent">New latent, owned by the caller from now on (it becomes an immutable snapshot).</param>
/// <param name="RecursionSteps">Recursion steps actually run.</param>
public readonly record struct ContextResult(ModuleOutcome Outcome, float[]? Latent, int RecursionSteps);
