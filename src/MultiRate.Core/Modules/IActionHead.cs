namespace MultiRate.Core.Modules;

/// <summary>
/// The fast action head: maps the latest observation, the latest latent and the latent's age to
/// an action, every control tick.
/// </summary>
/// <remarks>
/// Called on the fast clock's thread only. <see cref="Act"/> must not allocate managed memory in
/// steady state and must not block. It returns an outcome instead of throwing.
/// </remarks>
public interface IActionHead : IDisposable
{
    /// <summary>Length of the observation vector the head reads.</summary>
    int ObservationSize { get; }

    /// <summary>Length of the latent vector the head reads.</summary>
    int LatentSize { get; }

    /// <summary>Length of the action vector the head writes.</summary>
    int ActionSize { get; }

    /// <summary>Runs the head enough times to settle JIT tiers and first-call costs. Call before deadlines are armed.</summary>
    void WarmUp(int iterations);

    /// <summary>Computes one action.</summary>
    /// <param name="observation">Latest observation, <see cref="ObservationSize"/> values.</param>
    /// <param name="latent">Latest latent, <see cref="LatentSize"/> values (zeros before the first snapshot).</param>
    /// <param name="latentAgeSeconds">Age of that latent in seconds.</param>
    /// <param name="action">Receives <see cref="ActionSize"/> values.</param>
    ModuleOutcome Act(ReadOnlySpan<float> observation, ReadOnlySpan<float> latent, float latentAgeSeconds, Span<float> action);
}
