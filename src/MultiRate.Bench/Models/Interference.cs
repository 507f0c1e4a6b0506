namespace MultiRate.Bench.Models;

/// <summary>How much a context computing concurrently at its rate slows the head (p99 per tick).</summary>
/// <param name="HeadP99AloneUs">The head's p99 with nothing else running.</param>
/// <param name="HeadP99WithContextUs">The head's p99 while the context updates on another thread at <paramref name="ContextRateHz"/>.</param>
/// <param name="Ratio">With / alone (target at most 1.2).</param>
/// <param name="ContextRateHz">The context's rate during the second measurement.</param>
/// <param name="ContextUpdates">Context updates completed during the second measurement.</param>
/// <param name="ContextDevice">Where the context ran (<c>cpu</c>, or the head's device when the head is on an ILGPU accelerator: the same shared accelerator, on a low-priority stream).</param>
public sealed record Interference(double HeadP99AloneUs, double HeadP99WithContextUs, double Ratio, double ContextRateHz, int ContextUpdates, string ContextDevice);
